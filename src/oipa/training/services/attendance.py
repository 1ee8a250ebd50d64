"""Attendance (one by one or from a CSV sheet) and the attendee's feedback."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..access import is_enterprise_member
from ..attendance_csv import SheetRow, read_sheet
from ..models import Event, Registration, RegistrationStatus
from ._common import audit, require_center_staff


def _require_started(event: Event) -> None:
    if event.starts_at > timezone.now():
        raise ValidationError(_("Attendance can be recorded once the event has started."))


def record_attendance(*, actor, registration: Registration, attended: bool) -> Registration:
    """Record whether the confirmed attendee came (it may be corrected later). Center staff
    only; refused before the event starts and for registrations without a confirmed seat."""
    require_center_staff(actor)
    _require_started(registration.event)
    with transaction.atomic():
        updated = Registration.objects.filter(
            pk=registration.pk, status=RegistrationStatus.CONFIRMED
        ).update(attended=attended, attendance_recorded_at=timezone.now())
        if not updated:
            raise ValidationError(_("Only confirmed registrations have an attendance."))
        registration.refresh_from_db()
        audit(actor, "training.attendance_recorded", registration, attended=attended)
    return registration


def import_attendance(*, actor, event: Event, content: bytes) -> int:
    """Record attendance from a CSV sheet (see attendance_csv). All or nothing: a line that is
    malformed or names nobody registered with a confirmed seat refuses the whole sheet, with
    every such line listed. Returns the number of registrations marked."""
    require_center_staff(actor)
    _require_started(event)
    rows, errors = read_sheet(content)
    confirmed = list(
        event.registrations.filter(status=RegistrationStatus.CONFIRMED).select_related(
            "organization"
        )
    )
    matches = []
    for row in rows:
        registration = _match(row, confirmed)
        if registration is None:
            errors.append(
                _("Line %(line)d: nobody with a confirmed seat matches %(who)s.")
                % {"line": row.line, "who": row.email or row.uscc}
            )
        else:
            matches.append((registration, row.attended))
    if errors:
        raise ValidationError(sorted(errors, key=_line_number))
    now = timezone.now()
    with transaction.atomic():
        for registration, attended in matches:
            Registration.objects.filter(pk=registration.pk).update(
                attended=attended, attendance_recorded_at=now
            )
        audit(actor, "training.attendance_imported", event, rows=len(matches))
    return len(matches)


def _line_number(message: str) -> int:
    digits = "".join(c for c in message.split(":")[0] if c.isdigit())
    return int(digits or 0)


def _match(row: SheetRow, confirmed: list[Registration]) -> Registration | None:
    for registration in confirmed:
        if row.email and registration.attendee_email == row.email:
            return registration
        if row.uscc and registration.organization.uscc == row.uscc:
            return registration
    return None


def give_feedback(*, actor, registration: Registration, rating: int, comment: str = "") -> None:
    """The enterprise rates an event it attended (1 to 5) and comments, once. Members of the
    registered enterprise only."""
    own = is_enterprise_member(actor) and (
        actor.membership.organization_id == registration.organization_id
    )
    if not own:
        raise PermissionDenied
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValidationError({"rating": [_("Rate the event from 1 to 5.")]})
    if registration.attended is not True:
        raise ValidationError(_("Feedback is for events your attendee came to."))
    with transaction.atomic():
        updated = Registration.objects.filter(
            pk=registration.pk, attended=True, feedback_at__isnull=True
        ).update(rating=rating, comment=comment.strip(), feedback_at=timezone.now())
        if not updated:
            raise ValidationError(_("You have already given feedback on this event."))
        registration.refresh_from_db()
        audit(actor, "training.feedback_given", registration, rating=rating)
