"""Shared steps of every application service: the conditional transition and notifications."""

from __future__ import annotations

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

    Refused with a clear message when the table does not allow `action` from the current state,
    or when someone else changed the state since it was read (0 rows updated).
    """
    current = application.status
    target = target_state(current, action)
    if target is None:
        raise ValidationError(
            _("This is not possible while the application is “%(status)s”.")
            % {"status": Status(current).label},
            code="invalid_transition",
        )
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
    if not is_applicant(actor, application):
        raise PermissionDenied


def require_guide(actor, application: Application) -> None:
    """Those who give guidance: Center staff who may read the case, or its assigned experts."""
    if is_assigned_expert(actor, application):
        return
    require_center(actor, application)


def case_url(application: Application) -> str:
    return reverse("assistance:application_detail", args=[application.code])


def enterprise_contacts(application: Application):
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
            role__in=[Role.CENTER_STAFF, Role.CENTER_ADMIN], is_active=True
        ).select_related("user")
    ]


def case_experts(application: Application):
    return [ce.expert for ce in application.experts.select_related("expert")]


def partner_staff(application: Application):
    return [
        m.user
        for m in Membership.objects.filter(
            organization__in=application.partner_centers.all(),
            role=Role.PARTNER_STAFF,
            is_active=True,
        ).select_related("user")
    ]


def notify_event(application: Application, event: str, recipients, subject, body="") -> None:
    """Notify recipients of an event on the case, once each (keyed by case, event and time)."""
    key = f"application:{application.code}:{event}:{application.updated_at:%Y%m%d%H%M%S%f}"

    def render():
        label = application.number or application.title
        return (f"[{label}] {subject}", str(body))

    notify(recipients=recipients, event_key=key, render=render, url=case_url(application))
