"""Shared steps of the training services: permission checks, audit and notifications."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from oipa.accounts.models import Membership
from oipa.core.audit.services import record_event
from oipa.core.notifications.models import Category
from oipa.core.notifications.services import notify

from ..access import is_center_staff
from ..models import Event, Registration


def require_center_staff(actor) -> None:
    """Center staff and admins manage events; everyone else is refused."""
    if not is_center_staff(actor):
        raise PermissionDenied


def audit(actor, action: str, target, *, organization=None, **after: Any) -> None:
    record_event(
        actor=actor, action=action, target=target, organization=organization, after=after or None
    )


def event_url(event: Event) -> str:
    return reverse("training:event_detail", args=[event.code])


def enterprise_members(organization_id: int) -> list:
    """Active members of an enterprise, who hear about its registrations."""
    return [
        m.user
        for m in Membership.objects.filter(
            organization_id=organization_id, is_active=True
        ).select_related("user")
    ]


def notify_registration(
    registration: Registration, event_name: str, render: Callable[[], tuple[str, str]]
) -> None:
    """Tell the enterprise's members about their registration, once per event name."""
    notify(
        recipients=enterprise_members(registration.organization_id),
        event_key=f"training:{registration.code}:{event_name}",
        render=render,
        url=event_url(registration.event),
        category=Category.TRAINING,
    )
