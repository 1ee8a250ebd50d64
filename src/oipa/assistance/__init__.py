"""Guidance applications (Art. 12, 5, 14): the Center's core case workflow."""
