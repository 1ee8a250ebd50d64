"""Guidance given on a case: consultations, written opinions, referrals to mediation or
arbitration (Art. 14) and their outcomes."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from oipa.accounts.models import Organization, OrgKind

from ..models import Application, ClockKind, GuidanceKind, GuidanceRecord, Referral, ReferralKind
from ..sla import stop_clock
from ..workflow import ACTIVE_STATES
from ._common import (
    audit,
    enterprise_contacts,
    locked,
    notify_event,
    require_center,
    require_guide,
)


def _check_guidance(application: Application, *, held_on: date, summary: str) -> None:
    if application.status not in ACTIVE_STATES:
        raise ValidationError(
            _("Guidance is recorded while the case is in guidance."), code="not_in_guidance"
        )
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("The date cannot lie in the future.")})
    if not (summary or "").strip():
        raise ValidationError({"summary": _("Write a summary.")})


def _create_guidance(*, actor, application, kind, held_on, summary, attendees="", attachment=None):
    record = GuidanceRecord.objects.create(
        application=application,
        kind=kind,
        held_on=held_on,
        attendees=(attendees or "").strip(),
        summary=summary.strip(),
        attachment=attachment,
        recorded_by=actor,
    )
    if application.first_guidance_at is None:
        Application.objects.filter(pk=application.pk).update(first_guidance_at=timezone.now())
        stop_clock(application, ClockKind.FIRST_GUIDANCE)
    return record


def record_consultation(
    *, actor, application: Application, held_on: date, summary: str, attendees: str = ""
) -> GuidanceRecord:
    """A consultation held with the enterprise (date, attendees, summary), by Center staff or an
    assigned expert; the first guidance stops the first-guidance clock."""
    with transaction.atomic():
        application = locked(application)
        require_guide(actor, application)
        _check_guidance(application, held_on=held_on, summary=summary)
        record = _create_guidance(
            actor=actor,
            application=application,
            kind=GuidanceKind.CONSULTATION,
            held_on=held_on,
            summary=summary,
            attendees=attendees,
        )
        audit(
            actor,
            application,
            "assistance.consultation_recorded",
            held_on=held_on.isoformat(),
            attendees=record.attendees,
        )
        notify_event(
            application,
            f"consultation-{record.pk}",
            enterprise_contacts(application),
            _lazy("A consultation was recorded on your case"),
        )
    return record


def upload_guidance_opinion(
    *, actor, application: Application, upload, summary: str, held_on: date | None = None
) -> GuidanceRecord:
    """A written guidance opinion (file + summary) that the enterprise can read and download.
    The case and the summary are checked before the file is stored."""
    from .files import store_attachment

    held_on = held_on or timezone.localdate()
    with transaction.atomic():
        application = locked(application)
        require_guide(actor, application)
        _check_guidance(application, held_on=held_on, summary=summary)
        attachment = store_attachment(
            actor=actor, application=application, upload=upload, kind="opinion"
        )
        record = _create_guidance(
            actor=actor,
            application=application,
            kind=GuidanceKind.OPINION,
            held_on=held_on,
            summary=summary,
            attachment=attachment,
        )
        audit(actor, application, "assistance.opinion_uploaded", file=attachment.original_name)
        notify_event(
            application,
            f"opinion-{record.pk}",
            enterprise_contacts(application),
            _lazy("You received a written guidance opinion"),
        )
    return record


def _check_referral(body: Organization, kind: str) -> None:
    if body is None or body.kind != OrgKind.MEDIATION_BODY or not body.is_active:
        raise ValidationError({"body": _("Choose a mediation or arbitration body.")})
    if kind not in ReferralKind.values:
        raise ValidationError({"kind": _("Choose mediation or arbitration.")})


def refer_to_mediation(
    *, actor, application: Application, body: Organization, kind: str, note: str = ""
) -> Referral:
    """Refer the dispute of a case in guidance to a mediation or arbitration body (Art. 14)."""
    _check_referral(body, kind)
    with transaction.atomic():
        application = locked(application)
        require_center(actor, application)
        if application.status not in ACTIVE_STATES:
            raise ValidationError(
                _("Only a case in guidance can be referred."), code="not_in_guidance"
            )
        referral = Referral.objects.create(
            application=application, body=body, kind=kind, note=(note or "").strip()
        )
        audit(actor, application, "assistance.referred", body=body.name, kind=kind)
        notify_event(
            application,
            f"referral-{referral.pk}",
            enterprise_contacts(application),
            _lazy("Your case was referred to mediation or arbitration"),
        )
    return referral


def record_referral_outcome(*, actor, referral: Referral, outcome: str) -> Referral:
    """Record what the mediation or arbitration body achieved; recorded once, and the
    enterprise is told."""
    outcome = (outcome or "").strip()
    if not outcome:
        raise ValidationError({"outcome": _("Describe the outcome.")})
    with transaction.atomic():
        application = locked(referral.application)
        require_center(actor, application)
        updated = Referral.objects.filter(pk=referral.pk, outcome_at__isnull=True).update(
            outcome=outcome, outcome_at=timezone.now()
        )
        if not updated:
            raise ValidationError(
                _("The outcome of this referral is already recorded."), code="stale"
            )
        referral.refresh_from_db()
        audit(actor, application, "assistance.referral_outcome_recorded", outcome=outcome[:500])
        notify_event(
            application,
            f"referral-outcome-{referral.pk}",
            enterprise_contacts(application),
            _lazy("The outcome of the referral was recorded"),
            outcome[:500],
        )
    return referral
