"""Registrations: register (a seat or the waiting list), cancel (the next in line moves up),
and the reminder before the event.

A seat is taken with one conditional update of the event's confirmed count below its capacity,
so two enterprises registering at the same moment can never both get the last seat, on SQLite
or PostgreSQL; the count and the registration change in the same transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.core import regions

from ..access import is_center_staff, is_enterprise_member
from ..models import Audience, Event, EventStatus, Registration, RegistrationStatus
from ._common import audit, notify_registration


def eligibility_error(event: Event, organization) -> str | None:
    """Why this enterprise may not register for the event (closed, started, outside its
    audience), or None when it may."""
    if event.status != EventStatus.OPEN:
        return _("The event has been cancelled.")
    if event.starts_at <= timezone.now():
        return _("Registration closed when the event started.")
    if event.audience == Audience.DISTRICT and organization.division_code != event.division_code:
        return _("This event is for enterprises of one Beijing district only.")
    if (
        event.audience == Audience.JJJ
        and organization.division_code[:2] not in regions.JJJ_PROVINCES
    ):
        return _("This event is for enterprises of Beijing, Tianjin and Hebei.")
    return None


def register_for_event(
    *, actor, event: Event, attendee_name: str, attendee_email: str
) -> Registration:
    """Register the actor's enterprise for the event: a confirmed seat while seats are left,
    else a place on the waiting list. Enterprise members only; refused when the enterprise is
    already registered, the event is cancelled or started, or it is outside the audience."""
    if not is_enterprise_member(actor):
        raise PermissionDenied
    organization = actor.membership.organization
    attendee_name, attendee_email = attendee_name.strip(), attendee_email.strip().lower()
    _check_attendee(attendee_name, attendee_email)
    error = eligibility_error(event, organization)
    if error:
        raise ValidationError(error, code="not_eligible")
    with transaction.atomic():
        # Every writer on an event's seats locks its row first, so they queue in one order
        # (event, then registrations, then the audit chain) and cannot deadlock.
        Event.objects.select_for_update(no_key=True).filter(pk=event.pk).first()
        seat = Event.objects.filter(
            pk=event.pk, status=EventStatus.OPEN, confirmed_count__lt=F("capacity")
        ).update(confirmed_count=F("confirmed_count") + 1)
        status = RegistrationStatus.CONFIRMED if seat else RegistrationStatus.WAITLISTED
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event=event,
                    organization=organization,
                    registered_by=actor,
                    attendee_name=attendee_name,
                    attendee_email=attendee_email,
                    status=status,
                )
        except IntegrityError:
            # The outer transaction rolls back the seat taken above.
            raise ValidationError(
                _("Your enterprise is already registered for this event."), code="duplicate"
            ) from None
        audit(actor, "training.registered", registration, status=status)
        notify_registration(registration, "registered", lambda: _registered_message(registration))
    return registration


def _check_attendee(name: str, email: str) -> None:
    errors: dict[str, list[str]] = {}
    if not name:
        errors["attendee_name"] = [_("Who will attend? Give a name.")]
    try:
        validate_email(email)
    except ValidationError:
        errors["attendee_email"] = [_("Give the attendee's email address.")]
    if errors:
        raise ValidationError(errors)


def _registered_message(registration: Registration) -> tuple[str, str]:
    event = registration.event
    if registration.status == RegistrationStatus.CONFIRMED:
        subject = _("Registered: %(title)s") % {"title": event.title}
        body = _("Your seat is confirmed for %(when)s.")
    else:
        subject = _("Waiting list: %(title)s") % {"title": event.title}
        body = _(
            "The event (%(when)s) is full; you are on the waiting list and will be told "
            "if a seat frees up."
        )
    return subject, body % {"when": timezone.localtime(event.starts_at).strftime("%Y-%m-%d %H:%M")}


def cancel_registration(*, actor, registration: Registration) -> Registration:
    """Cancel a registration (a member of the enterprise, or Center staff). A freed seat goes
    at once to the first enterprise on the waiting list."""
    own = is_enterprise_member(actor) and (
        actor.membership.organization_id == registration.organization_id
    )
    if not (own or is_center_staff(actor)):
        raise PermissionDenied
    with transaction.atomic():
        # Lock the event first, as registering does, so promotions happen one after another.
        event = Event.objects.select_for_update(no_key=True).get(pk=registration.event_id)
        current = Registration.objects.get(pk=registration.pk).status
        updated = Registration.objects.filter(
            pk=registration.pk,
            status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED],
        ).update(status=RegistrationStatus.CANCELLED, cancelled_at=timezone.now())
        if not updated:
            raise ValidationError(_("This registration is already cancelled."), code="stale")
        if current == RegistrationStatus.CONFIRMED:
            Event.objects.filter(pk=event.pk).update(confirmed_count=F("confirmed_count") - 1)
        registration.refresh_from_db()
        audit(actor, "training.registration_cancelled", registration, was=current)
        if current == RegistrationStatus.CONFIRMED and event.status == EventStatus.OPEN:
            fill_from_waiting_list(event, actor=actor)
    return registration


def fill_from_waiting_list(event: Event, *, actor) -> int:
    """Give free seats to waiting enterprises in order of registration; the number promoted.
    Call inside the caller's transaction, with the event row locked."""
    promoted = 0
    while True:
        candidate = (
            Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED)
            .order_by("created_at", "pk")
            .first()
        )
        if candidate is None:
            return promoted
        seat = Event.objects.filter(
            pk=event.pk, status=EventStatus.OPEN, confirmed_count__lt=F("capacity")
        ).update(confirmed_count=F("confirmed_count") + 1)
        if not seat:
            return promoted
        moved = Registration.objects.filter(
            pk=candidate.pk, status=RegistrationStatus.WAITLISTED
        ).update(status=RegistrationStatus.CONFIRMED, promoted_at=timezone.now())
        if not moved:  # cancelled meanwhile: give the seat back and look again
            Event.objects.filter(pk=event.pk).update(confirmed_count=F("confirmed_count") - 1)
            continue
        candidate.refresh_from_db()
        audit(actor, "training.promoted", candidate, status=RegistrationStatus.CONFIRMED)
        notify_registration(candidate, "promoted", partial(_promoted_message, candidate))
        promoted += 1


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Remind the enterprises with a confirmed seat at an event starting within
    TRAINING_REMINDER_HOURS; each registration is reminded once, however often this runs or
    however many workers run it. Returns the number reminded now."""
    now = now or timezone.now()
    horizon = now + timedelta(hours=settings.TRAINING_REMINDER_HOURS)
    due = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminded_at__isnull=True,
        event__status=EventStatus.OPEN,
        event__starts_at__gt=now,
        event__starts_at__lte=horizon,
    ).select_related("event")
    sent = 0
    for registration in due:
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if not claimed:
                continue
            audit(None, "training.reminded", registration, organization=registration.organization)
            notify_registration(registration, "reminder", partial(_reminder_message, registration))
            sent += 1
    return sent


def _promoted_message(registration: Registration) -> tuple[str, str]:
    return (
        _("A seat is yours: %(title)s") % {"title": registration.event.title},
        _("A seat freed up and your registration is now confirmed."),
    )


def _reminder_message(registration: Registration) -> tuple[str, str]:
    event = registration.event
    where = event.venue or event.online_url
    return (
        _("Reminder: %(title)s") % {"title": event.title},
        _("%(when)s · %(where)s · attendee: %(name)s")
        % {
            "when": timezone.localtime(event.starts_at).strftime("%Y-%m-%d %H:%M"),
            "where": where,
            "name": registration.attendee_name,
        },
    )
