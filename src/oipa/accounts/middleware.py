"""Middleware that keeps Center staff and auditors behind MFA."""
