"""Builders of events and registrations for tests and demo data (through the services).

`build_event` accepts a start in the past for attendance and history data: the event is
published in the future through the service, then moved back in time directly, since the
service (rightly) refuses to publish a past event.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from . import services
from .models import Event, Registration


def event_fields(**overrides: Any) -> dict[str, Any]:
    """A half-day training at the Center next week, 30 seats."""
    starts = timezone.now().replace(microsecond=0) + timedelta(days=7)
    fields: dict[str, Any] = {
        "kind": "training",
        "title": "美国337调查应对实务培训",
        "description": "讲解ITC 337调查程序、应诉要点和费用控制。",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=3),
        "capacity": 30,
        "venue": "北京市海淀区知识产权保护中心三层报告厅",
    }
    fields.update(overrides)
    return fields


def build_event(*, actor, starts_at: datetime | None = None, **overrides: Any) -> Event:
    """An event published by `actor` (Center staff); `starts_at` may lie in the past."""
    fields = event_fields(**overrides)
    past = starts_at is not None and starts_at <= timezone.now()
    if starts_at is not None and not past:
        ends_at = overrides.get("ends_at") or starts_at + (fields["ends_at"] - fields["starts_at"])
        fields.update(starts_at=starts_at, ends_at=ends_at)
    event = services.create_event(actor=actor, **fields)
    if past:
        assert starts_at is not None
        move_event(event, starts_at)
    return event


def build_registration(*, actor, event: Event, **overrides: Any) -> Registration:
    """`actor`'s enterprise registered for `event`, with `actor` as the attendee."""
    fields = {"attendee_name": actor.full_name or actor.email, "attendee_email": actor.email}
    fields.update(overrides)
    return services.register_for_event(actor=actor, event=event, **fields)


def move_event(event: Event, starts_at: datetime) -> Event:
    """Test and demo data only: shift the event (same duration) to `starts_at`, e.g. into the
    past once enterprises have registered, as if time had passed."""
    duration = event.ends_at - event.starts_at
    Event.objects.filter(pk=event.pk).update(starts_at=starts_at, ends_at=starts_at + duration)
    event.refresh_from_db()
    return event
