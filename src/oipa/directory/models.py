"""Service directory: models."""
