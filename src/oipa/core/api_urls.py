"""API v1 routes of every app."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from oipa.accounts import api as accounts_api
from oipa.assistance import api as assistance_api
from oipa.core.extensions import api_routes

router = DefaultRouter()
router.register("organizations", accounts_api.OrganizationViewSet, basename="organization")
router.register("applications", assistance_api.ApplicationViewSet, basename="application")
for prefix, viewset, basename in api_routes():
    router.register(prefix, viewset, basename=basename)

urlpatterns = [
    path("me/", accounts_api.me, name="me"),
    path("", include(router.urls)),
]
