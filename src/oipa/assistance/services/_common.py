"""Shared steps of every application service: the conditional transition, the permission
checks, and notifications."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.accounts.models import Membership, Role
from oipa.core.audit.services import record_event
from oipa.core.notifications.services import notify

from ..access import can_act_as_center, can_read_content, is_applicant, is_assigned_expert
from ..models import Application
from ..workflow import Status, target_state


def locked(application: Application) -> Application:
    """The application re-read under a row lock (PostgreSQL), so the checks that follow see the
    state the update will change."""
    return (
        Application.objects.select_for_update().select_related("applicant").get(pk=application.pk)
    )


def refuse_transition(status: str) -> ValidationError:
    """The error of an action the transition table does not allow from `status`."""
    return ValidationError(
        _("This is not possible while the application is “%(status)s”.")
        % {"status": Status(status).label},
        code="invalid_transition",
    )


def require_transition(application: Application, action: str) -> str:
    """The state `action` leads to; refused with code "invalid_transition" when not allowed."""
    target = target_state(application.status, action)
    if target is None:
        raise refuse_transition(application.status)
    return target


def transition(
    application: Application,
    action: str,
    *,
    actor,
    audit_action: str,
    fields: dict[str, Any] | None = None,
    before: dict | None = None,
    after: dict | None = None,
) -> Application:
    """Move the application along the transition table with a conditional update.

    Refused with code "invalid_transition" when the table does not allow `action` from the
    current state, and with code "stale" when someone else changed the state since it was read
    (0 rows updated).
    """
    current = application.status
    target = require_transition(application, action)
    updated = Application.objects.filter(pk=application.pk, status=current).update(
        status=target, updated_at=timezone.now(), **(fields or {})
    )
    if not updated:
        raise ValidationError(
            _(
                "Someone else changed this application a moment ago. Reload the page and check "
                "its current state."
            ),
            code="stale",
        )
    application.refresh_from_db()
    record_event(
        actor=actor,
        action=audit_action,
        target=application,
        organization=application.applicant,
        before={"status": current, **(before or {})},
        after={"status": target, **(after or {})},
    )
    return application


def require_center(actor, application: Application | None = None) -> None:
    """Center staff or admins; for a confidential case, only those who may read it."""
    if not can_act_as_center(actor):
        raise PermissionDenied
    if application is not None and not can_read_content(actor, application):
        raise PermissionDenied


def require_applicant(actor, application: Application) -> None:
    """A member of the applicant enterprise."""
    if not is_applicant(actor, application):
        raise PermissionDenied


def require_guide(actor, application: Application) -> None:
    """Those who give guidance: Center staff who may read the case, or its assigned experts."""
    if is_assigned_expert(actor, application):
        return
    require_center(actor, application)


def require_submitted(application: Application) -> None:
    """The Center works only on submitted applications; a draft is the enterprise's alone."""
    if application.status == Status.DRAFT:
        raise ValidationError(_("The application has not been submitted yet."), code="draft")


def audit(actor, application: Application, action: str, **after: Any) -> None:
    """One audit event about the case (for changes that are not status transitions)."""
    record_event(
        actor=actor,
        action=action,
        target=application,
        organization=application.applicant,
        after=after or None,
    )


def case_url(application: Application) -> str:
    """The case page's path (emails prefix it with SITE_URL)."""
    return reverse("assistance:application_detail", args=[application.code])


def enterprise_contacts(application: Application):
    """Active members of the applicant enterprise."""
    return [
        m.user
        for m in Membership.objects.filter(
            organization_id=application.applicant_id, is_active=True
        ).select_related("user")
    ]


def center_handlers(application: Application):
    """The case officer when there is one, else every active Center staff member."""
    if application.case_officer_id:
        return [application.case_officer]
    return [
        m.user
        for m in Membership.objects.filter(
            role__in=[Role.CENTER_STAFF, Role.CENTER_ADMIN],
            is_active=True,
            organization__is_active=True,
        ).select_related("user")
    ]


def case_experts(application: Application):
    """The experts assigned to the case."""
    return [ce.expert for ce in application.experts.select_related("expert")]


def partner_staff(application: Application):
    """Active staff of the partner centers on a joint case."""
    return [
        m.user
        for m in Membership.objects.filter(
            organization__in=application.partner_centers.all(),
            role=Role.PARTNER_STAFF,
            is_active=True,
        ).select_related("user")
    ]


def event_key(application: Application, event: str) -> str:
    """The key that makes a notification unique per recipient: case, event and the moment the
    case last changed, so a repeated call for the same event notifies nobody twice."""
    return f"application:{application.code}:{event}:{application.updated_at:%Y%m%d%H%M%S%f}"


def notify_event(
    application: Application,
    event: str,
    recipients: Iterable,
    subject,
    body="",
    *,
    actor=None,
) -> None:
    """Notify recipients of an event on the case, once each (in-app now, email after commit).

    The actor is not told about their own action. On a confidential case, recipients who may
    not read its content learn only that something happened (no body, no title).
    """
    people = [u for u in recipients if u is not None and (actor is None or u.pk != actor.pk)]
    key = event_key(application, event)
    readers = [u for u in people if can_read_content(u, application)]
    others = [u for u in people if u not in readers]

    def render(with_body: bool):
        label = application.number or (application.title if with_body else "")
        prefix = f"[{label}] " if label else ""
        return (f"{prefix}{subject}", str(body) if with_body else "")

    url = case_url(application)
    if readers:
        notify(recipients=readers, event_key=key, render=lambda: render(True), url=url)
    if others:
        notify(recipients=others, event_key=key, render=lambda: render(False), url=url)
