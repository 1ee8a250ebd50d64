"""Guidance applications API (DRF): `ApplicationViewSet`, registered as "applications"."""

from .views import ApplicationViewSet

__all__ = ["ApplicationViewSet"]
