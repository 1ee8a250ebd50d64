"""Demand leads: models."""
