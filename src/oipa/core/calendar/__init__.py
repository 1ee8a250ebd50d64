"""Chinese working-day calendar."""
