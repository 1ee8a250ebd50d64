"""Dispute alert pages; `monitoring/urls.py` appends these to its own patterns."""

from django.urls import path

from . import views_alerts

urlpatterns = [
    path("alerts/", views_alerts.alert_list, name="alert_list"),
    path("alerts/<uuid:code>/", views_alerts.alert_detail, name="alert_detail"),
    path("alerts/<uuid:code>/apply/", views_alerts.alert_apply, name="alert_apply"),
]
