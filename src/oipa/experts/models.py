"""Experts: models."""
