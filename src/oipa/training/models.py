"""Training and events: models."""
