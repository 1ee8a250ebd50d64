"""The Center's decisions on a case: accept, decline, ask for more, conclude, close, reopen."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ..models import Application, ClockKind, Outcome
from ..sla import pause_clock, start_clock, stop_clock
from ..workflow import Action, Status
from ._common import (
    case_experts,
    center_handlers,
    enterprise_contacts,
    locked,
    notify_event,
    require_center,
    transition,
)
from .coordination import check_officer
from .messages import add_message


def accept_application(*, actor, application: Application, case_officer=None) -> Application:
    """受理 by Center staff: the case officer is `case_officer`, the one already assigned, or the
    actor. Stops the acceptance clock, starts the expert-assignment clock, tells the enterprise
    (and the case officer when someone else accepted for them)."""
    with transaction.atomic():
        application = locked(application)
        require_center(actor, application)
        officer = case_officer or application.case_officer or actor
        check_officer(officer)
        application = transition(
            application,
            Action.ACCEPT,
            actor=actor,
            audit_action="assistance.application_accepted",
            fields={"accepted_at": timezone.now(), "case_officer": officer},
            after={"case_officer": officer.email},
        )
        stop_clock(application, ClockKind.ACCEPTANCE)
        start_clock(application, ClockKind.ASSIGNMENT)
        notify_event(
            application,
            "accepted",
            enterprise_contacts(application),
            _lazy("Your application was accepted"),
            _lazy("The Center accepted your application and will assign experts."),
        )
        notify_event(
            application, "officer", [officer], _lazy("A case was assigned to you"), actor=actor
        )
    return application


def decline_application(*, actor, application: Application, reason: str) -> Application:
    """不予受理 with a reason the enterprise reads; stops the acceptance clock."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for declining.")})
    with transaction.atomic():
        application = locked(application)
        require_center(actor, application)
        application = transition(
            application,
            Action.DECLINE,
            actor=actor,
            audit_action="assistance.application_declined",
            fields={"decision_note": reason},
            after={"reason": reason},
        )
        stop_clock(application, ClockKind.ACCEPTANCE)
        notify_event(
            application,
            "declined",
            enterprise_contacts(application),
            _lazy("Your application was not accepted"),
            reason,
        )
    return application


def request_more_information(*, actor, application: Application, request: str) -> Application:
    """补正: ask the enterprise for more; the acceptance clock pauses until it answers. The
    request also appears in the case's messages (one notification, not two)."""
    request = (request or "").strip()
    if not request:
        raise ValidationError({"request": _("Say what information is needed.")})
    with transaction.atomic():
        application = locked(application)
        require_center(actor, application)
        application = transition(
            application,
            Action.REQUEST_INFO,
            actor=actor,
            audit_action="assistance.info_requested",
            fields={"decision_note": request},
            after={"request": request},
        )
        pause_clock(application, ClockKind.ACCEPTANCE)
        add_message(actor=actor, application=application, body=request)
        notify_event(
            application,
            "info_requested",
            enterprise_contacts(application),
            _lazy("The Center needs more information"),
            request,
        )
    return application


def conclude_application(
    *, actor, application: Application, outcome: str, note: str = ""
) -> Application:
    """结案 with an outcome; every clock stops and the enterprise is invited to give feedback."""
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose an outcome.")})
    with transaction.atomic():
        application = locked(application)
        require_center(actor, application)
        application = transition(
            application,
            Action.CONCLUDE,
            actor=actor,
            audit_action="assistance.application_concluded",
            fields={
                "outcome": outcome,
                "outcome_note": (note or "").strip(),
                "concluded_at": timezone.now(),
            },
            after={"outcome": outcome},
        )
        for kind in ClockKind.values:
            stop_clock(application, kind)
        notify_event(
            application,
            "concluded",
            enterprise_contacts(application) + case_experts(application),
            _lazy("Guidance on your case is concluded"),
            _lazy("Please tell us how satisfied you are with the guidance."),
        )
    return application


def close_application(*, actor, application: Application) -> Application:
    """Close a concluded or declined case (its dossier is then complete); tells the enterprise."""
    with transaction.atomic():
        application = locked(application)
        require_center(actor, application)
        application = transition(
            application,
            Action.CLOSE,
            actor=actor,
            audit_action="assistance.application_closed",
            fields={"closed_at": timezone.now()},
        )
        notify_event(
            application, "closed", enterprise_contacts(application), _lazy("The case was closed")
        )
    return application


def reopen_application(*, actor, application: Application, reason: str) -> Application:
    """Reopen a concluded, closed or declined case, with a reason. A declined case goes back to
    the acceptance decision and its clock restarts; the others return to guidance."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for reopening.")})
    with transaction.atomic():
        application = locked(application)
        require_center(actor, application)
        application = transition(
            application,
            Action.REOPEN,
            actor=actor,
            audit_action="assistance.application_reopened",
            fields={"closed_at": None, "concluded_at": None},
            after={"reason": reason},
        )
        if application.status == Status.SUBMITTED:
            start_clock(application, ClockKind.ACCEPTANCE)
        notify_event(
            application,
            "reopened",
            enterprise_contacts(application) + center_handlers(application),
            _lazy("The case was reopened"),
            reason,
            actor=actor,
        )
    return application
