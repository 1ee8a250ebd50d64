"""Information service: models."""
