"""API v1 routes of every app."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from oipa.accounts import api as accounts_api
from oipa.assistance import api as assistance_api

router = DefaultRouter()
router.register("organizations", accounts_api.OrganizationViewSet, basename="organization")
router.register("applications", assistance_api.ApplicationViewSet, basename="application")

urlpatterns = [
    path("me/", accounts_api.me, name="me"),
    path("", include(router.urls)),
]
