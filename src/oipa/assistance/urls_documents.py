"""URLs of formal documents, the dossier and the public service-level statistics."""

from django.urls import path

from .views import documents, public

urlpatterns = [
    path(
        "applications/<uuid:code>/documents/<slug:kind>.pdf",
        documents.document,
        name="document",
    ),
    path("applications/<uuid:code>/dossier.zip", documents.dossier, name="dossier"),
    path("service-levels/", public.public_statistics, name="public_statistics"),
    path("service-levels.json", public.public_statistics_json, name="public_statistics_json"),
]
