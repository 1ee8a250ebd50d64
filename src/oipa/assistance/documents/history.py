"""Which formal documents a case has issued, read from its audit events.

A document exists because something happened: a non-acceptance notice only once the case was
declined, a notice ending guidance only once guidance ended. The audit trail is the record of
what happened, so the documents are derived from it (and reprinted identically at any time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oipa.accounts.models import User
from oipa.core.audit.services import events_for

from ..models import Application
from ..workflow import ACTIVE_STATES


class DocumentKind(models.TextChoices):
    APPLICATION_FORM = "application_form", _("Application form")
    INFO_REQUEST = "info_request", _("Request for more material")
    NON_ACCEPTANCE = "non_acceptance", _("Non-acceptance notice")
    ACCEPTANCE = "acceptance", _("Acceptance notice")
    GUIDANCE_OPINION = "guidance_opinion", _("Guidance opinion")
    TERMINATION = "termination", _("Notice ending guidance")
    DOSSIER = "dossier", _("Case dossier")


K = DocumentKind
ISSUING_ACTIONS = {
    "assistance.info_requested": K.INFO_REQUEST,
    "assistance.application_declined": K.NON_ACCEPTANCE,
    "assistance.application_accepted": K.ACCEPTANCE,
    "assistance.application_concluded": K.TERMINATION,
    "assistance.application_withdrawn": K.TERMINATION,
}


@dataclass(frozen=True)
class Issuance:
    """One formal document issued on `issued_on`; `data` holds what it states (a reason, the
    request text, the case officer's name, the outcome)."""

    kind: str
    issued_on: date
    data: dict[str, Any] = field(default_factory=dict)


def issuances(application: Application) -> list[Issuance]:
    """Every formal document the case has issued, oldest first (none before submission)."""
    if application.submitted_at is None:
        return []
    found = [Issuance(K.APPLICATION_FORM, timezone.localdate(application.submitted_at))]
    events = list(events_for(application).filter(action__in=ISSUING_ACTIONS))
    officers = _officer_names(events)
    for event in events:
        issuance = _from_event(event, officers)
        if issuance is not None:
            found.append(issuance)
    last_guidance = application.guidance.order_by("-held_on").values_list("held_on", flat=True)
    if last_guidance:
        found.append(Issuance(K.GUIDANCE_OPINION, last_guidance[0]))
    order = DocumentKind.values
    return sorted(found, key=lambda issuance: (issuance.issued_on, order.index(issuance.kind)))


def latest_issuance(application: Application, kind: str) -> Issuance | None:
    """The most recent document of this kind, or None when the case never issued one."""
    matching = [i for i in issuances(application) if i.kind == kind]
    return matching[-1] if matching else None


def issued_kinds(application: Application) -> list[str]:
    """The kinds of document issued on the case, in the order of the procedure."""
    issued = {issuance.kind for issuance in issuances(application)}
    return [kind for kind in DocumentKind.values if kind in issued]


def _from_event(event, officers: dict[str, str]) -> Issuance | None:
    kind = ISSUING_ACTIONS[event.action]
    after = event.after if isinstance(event.after, dict) else {}
    before = event.before if isinstance(event.before, dict) else {}
    on = timezone.localdate(event.created_at)
    if event.action == "assistance.application_withdrawn":
        # Withdrawing before acceptance ends nothing the Center had started.
        if before.get("status") not in ACTIVE_STATES:
            return None
        return Issuance(kind, on, {"withdrawn": True, "reason": after.get("reason", "")})
    data = dict(after)
    if "case_officer" in after:
        data["case_officer_name"] = officers.get(after["case_officer"], after["case_officer"])
    return Issuance(kind, on, data)


def _officer_names(events) -> dict[str, str]:
    emails = {e.after.get("case_officer") for e in events if isinstance(e.after, dict)}
    emails.discard(None)
    users = User.objects.filter(email__in=emails)
    return {user.email: str(user) for user in users}
