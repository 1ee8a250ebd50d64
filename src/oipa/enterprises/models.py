"""Enterprise compliance: models."""
