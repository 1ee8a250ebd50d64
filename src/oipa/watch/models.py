"""Risk warning: models."""
