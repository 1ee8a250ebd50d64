"""Shared mechanisms: home, health, access base, reference data."""
