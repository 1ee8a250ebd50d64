"""Events: create one, change its capacity, cancel it, hand out materials."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.accounts.models import Role
from oipa.core import regions

from ..models import Audience, Event, EventKind, EventStatus, Material, RegistrationStatus
from ._common import audit, notify_registration, require_center_staff
from .registrations import fill_from_waiting_list

MATERIAL_MAX_BYTES = 50 * 1024 * 1024


def create_event(
    *,
    actor,
    kind: str,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    capacity: int,
    description: str = "",
    audience: str = Audience.ALL,
    industry=None,
    division_code: str = "",
    online_url: str = "",
    venue: str = "",
    speakers: list | None = None,
) -> Event:
    """Publish an event, open for registration at once. Center staff only. Refused when it ends
    before it starts, lies in the past, has neither venue nor online link (a webinar needs the
    link), names an audience without its industry or district, or a speaker who is not an
    expert of the pool."""
    require_center_staff(actor)
    fields: dict[str, Any] = {
        "kind": kind,
        "title": title.strip(),
        "description": description,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "capacity": capacity,
        "audience": audience,
        "industry": industry if audience == Audience.INDUSTRY else None,
        "division_code": division_code if audience == Audience.DISTRICT else "",
        "online_url": online_url,
        "venue": venue.strip(),
    }
    _check_event(fields)
    speakers = list(speakers or [])
    _check_speakers(speakers)
    with transaction.atomic():
        event = Event.objects.create(**fields, organizer=actor.organization, created_by=actor)
        event.speakers.set(speakers)
        audit(actor, "training.event_created", event, title=event.title, capacity=capacity)
    return event


def _check_event(fields: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    if fields["kind"] not in EventKind.values:
        errors["kind"] = [_("Choose a kind of event.")]
    if not fields["title"]:
        errors["title"] = [_("Give the event a title.")]
    if fields["ends_at"] <= fields["starts_at"]:
        errors["ends_at"] = [_("The event must end after it starts.")]
    if fields["starts_at"] < timezone.now():
        errors["starts_at"] = [_("The event cannot start in the past.")]
    if not isinstance(fields["capacity"], int) or fields["capacity"] < 1:
        errors["capacity"] = [_("The capacity is at least one seat.")]
    if not fields["venue"] and not fields["online_url"]:
        errors["venue"] = [_("Give a venue, an online link, or both.")]
    if fields["kind"] == EventKind.WEBINAR and not fields["online_url"]:
        errors["online_url"] = [_("A webinar needs its online link.")]
    errors.update(_audience_errors(fields))
    if errors:
        raise ValidationError(errors)


def _audience_errors(fields: dict[str, Any]) -> dict[str, list[str]]:
    audience = fields["audience"]
    if audience not in Audience.values:
        return {"audience": [_("Choose an audience.")]}
    if audience == Audience.INDUSTRY and fields["industry"] is None:
        return {"industry": [_("Choose the industry the event is for.")]}
    if audience == Audience.DISTRICT:
        code = fields["division_code"]
        if code not in {d.code for d in regions.beijing_districts()}:
            return {"division_code": [_("Choose the Beijing district the event is for.")]}
    return {}


def _check_speakers(speakers: list) -> None:
    for user in speakers:
        if not user.memberships.filter(role=Role.EXPERT, is_active=True).exists():
            raise ValidationError(
                {"speakers": [_("%(name)s is not an expert of the pool.") % {"name": user}]}
            )


def change_capacity(*, actor, event: Event, capacity: int) -> Event:
    """Set the number of seats; Center staff only. It cannot drop below the seats already
    confirmed; extra seats go to the waiting list at once, in order of registration."""
    require_center_staff(actor)
    if capacity < 1:
        raise ValidationError({"capacity": [_("The capacity is at least one seat.")]})
    with transaction.atomic():
        event = Event.objects.select_for_update(no_key=True).get(pk=event.pk)
        before = event.capacity
        updated = Event.objects.filter(pk=event.pk, confirmed_count__lte=capacity).update(
            capacity=capacity
        )
        if not updated:
            raise ValidationError(
                {
                    "capacity": [
                        _("%(count)d seats are already confirmed; cancel registrations first.")
                        % {"count": event.confirmed_count}
                    ]
                }
            )
        audit(actor, "training.capacity_changed", event, before=before, capacity=capacity)
        fill_from_waiting_list(event, actor=actor)
    event.refresh_from_db()
    return event


def cancel_event(*, actor, event: Event, reason: str) -> Event:
    """Cancel an open event and tell every registered enterprise why. Center staff only;
    registrations stay on record."""
    require_center_staff(actor)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [_("Tell the registered enterprises why.")]})
    with transaction.atomic():
        updated = Event.objects.filter(pk=event.pk, status=EventStatus.OPEN).update(
            status=EventStatus.CANCELLED
        )
        if not updated:
            raise ValidationError(_("The event is already cancelled."), code="stale")
        event.refresh_from_db()
        audit(actor, "training.event_cancelled", event, reason=reason)
        for registration in event.registrations.filter(
            status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]
        ).select_related("event"):
            notify_registration(
                registration,
                "event-cancelled",
                lambda: (
                    _("Cancelled: %(title)s") % {"title": event.title},
                    _("The event has been cancelled. Reason: %(reason)s") % {"reason": reason},
                ),
            )
    return event


def add_material(*, actor, event: Event, upload: UploadedFile, title: str = "") -> Material:
    """Attach a handout to the event (stored under a random name). Center staff only; empty
    files and files over 50 MB are refused."""
    require_center_staff(actor)
    if not upload.size:
        raise ValidationError({"file": [_("The file is empty.")]})
    if upload.size > MATERIAL_MAX_BYTES:
        raise ValidationError({"file": [_("The file is larger than 50 MB.")]})
    with transaction.atomic():
        material = Material.objects.create(
            event=event,
            title=(title.strip() or upload.name or "")[:200],
            file=upload,
            original_name=(upload.name or "material")[:255],
            size=upload.size,
            uploaded_by=actor,
        )
        audit(actor, "training.material_added", event, material=material.original_name)
    return material
