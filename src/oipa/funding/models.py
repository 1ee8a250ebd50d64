"""Funding support: models."""
