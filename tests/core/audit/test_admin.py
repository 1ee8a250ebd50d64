"""The admin shows audit events read-only."""

from __future__ import annotations

from django.contrib import admin
from django.test import RequestFactory

from oipa.core.audit.models import AuditEvent


def test_nobody_may_add_change_or_delete_events_in_the_admin(make_events):
    (event,) = make_events(1)
    model_admin = admin.site._registry[AuditEvent]
    request = RequestFactory().get("/admin/")
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, event)
    assert not model_admin.has_delete_permission(request, event)
