"""Audit trail pages for auditors and Center administrators (included at "audit/")."""

from django.urls import path

from oipa.core.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("<int:seq>/", views.event_detail, name="event_detail"),
]
