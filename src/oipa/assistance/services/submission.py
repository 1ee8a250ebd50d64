"""Submission and the enterprise's later steps: eligibility (Art. 12), case numbers, the
joint-guidance proposal (Art. 5), answers to requests for more information, withdrawal and
feedback."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from oipa.accounts.models import Organization, OrgKind
from oipa.core.taxonomy.choices import DisputeType

from ..dispute_fields import required_fields
from ..models import Application, CaseNumberSequence, ClockKind, JointGuidance, PartyKind
from ..sla import resume_clock, start_clock, stop_clock, today
from ..workflow import Action, Status
from ._common import (
    audit,
    center_handlers,
    locked,
    notify_event,
    partner_staff,
    require_applicant,
    require_transition,
    transition,
)
from .messages import add_message

JJJ = {"11", "12", "13"}


def check_complete(application: Application) -> None:
    """Every field the dispute type requires is present; deadlines are not in the past."""
    errors: dict[str, list[str]] = {}
    needed = required_fields(application.dispute_type or DisputeType.LITIGATION)
    for name in needed:
        value = (
            getattr(application, name, None)
            if name != "jurisdictions"
            else (application.jurisdictions.exists())
        )
        if value in (None, "", [], False):
            errors[name] = [_("This field is required.")]
    if not application.parties.filter(kind=PartyKind.COUNTERPARTY).exists():
        errors["parties"] = [_("Name at least one counterparty.")]
    if application.response_deadline and application.response_deadline < today():
        errors["response_deadline"] = [_("The response deadline lies in the past.")]
    if not application.consent_data_use:
        errors["consent_data_use"] = [_("The Center needs your consent to process the case.")]
    if errors:
        raise ValidationError(errors)


def check_eligibility(applicant: Organization) -> None:
    """Art. 12: the Beijing Center guides enterprises domiciled in Beijing (USCC division 11…)."""
    province = (applicant.division_code or "")[:2]
    if province == "11":
        return
    partner = _partner_center_for(province)
    if partner is not None:
        where = _("Please apply to %(center)s, which assists enterprises of your province.") % {
            "center": partner.name
        }
    else:
        where = _(
            "Please contact the IP protection center of the province where your "
            "enterprise is registered."
        )
    raise ValidationError(
        _(
            "Only enterprises domiciled in Beijing can apply to the Beijing Center (Art. 12): the "
            "division code in your unified social credit code shows %(province)s. %(where)s"
        )
        % {"province": applicant.province or province, "where": where},
        code="not_beijing",
    )


def _partner_center_for(province: str) -> Organization | None:
    if len(province) != 2:
        return None
    return Organization.objects.filter(
        kind=OrgKind.PARTNER_CENTER, is_active=True, division_code__startswith=province
    ).first()


def next_case_number(year: int) -> str:
    """The next case number of `year` (京海援〔2026〕0001号); call inside a transaction: the
    year's row stays locked until it commits, so two submissions never share a number."""
    CaseNumberSequence.objects.get_or_create(year=year)
    CaseNumberSequence.objects.filter(year=year).update(last=F("last") + 1)
    last = CaseNumberSequence.objects.select_for_update().get(year=year).last
    return f"{settings.CASE_NUMBER_PREFIX}〔{year}〕{last:04d}号"


def jjj_provinces(application: Application) -> set[str]:
    """The Beijing/Tianjin/Hebei provinces among the applicant and the named parties."""
    provinces = {(application.applicant.division_code or "")[:2]}
    provinces |= set(application.parties.values_list("province", flat=True))
    return provinces & JJJ


def propose_for_parties(application: Application) -> None:
    """Propose joint guidance when the applicant and parties come from two or more of 京津冀
    (or staff marked major impact), giving those provinces' partner centers read access."""
    provinces = jjj_provinces(application)
    if len(provinces) < 2 and not application.major_jjj_impact:
        return
    was_proposed = application.joint_guidance != JointGuidance.NONE
    if not was_proposed:
        Application.objects.filter(pk=application.pk).update(joint_guidance=JointGuidance.PROPOSED)
        application.joint_guidance = JointGuidance.PROPOSED
    added = _partner_centers_for(provinces - {"11"}).exclude(joint_cases=application)
    application.partner_centers.add(*added)
    if was_proposed and not added:
        return
    audit(None, application, "assistance.joint_guidance_proposed", provinces=sorted(provinces))
    notify_event(
        application, "joint_proposed", partner_staff(application), _lazy("Joint guidance proposed")
    )


def _partner_centers_for(provinces: set[str]):
    in_provinces = Q(pk__in=[])
    for province in provinces:
        in_provinces |= Q(division_code__startswith=province)
    return Organization.objects.filter(in_provinces, kind=OrgKind.PARTNER_CENTER, is_active=True)


def submit_application(*, actor, application: Application) -> Application:
    """Submit a complete draft: eligibility (Beijing domicile, else where to go instead), a case
    number, the acceptance clock, and a joint-guidance proposal when the applicant and parties
    come from two or more of 京津冀. A refused submission leaves the draft as it was."""
    with transaction.atomic():
        application = locked(application)
        require_applicant(actor, application)
        require_transition(application, Action.SUBMIT)
        check_eligibility(application.applicant)
        check_complete(application)
        fields: dict[str, Any] = {"submitted_at": timezone.now()}
        if not application.number:
            fields["number"] = next_case_number(timezone.localdate().year)
        application = transition(
            application,
            Action.SUBMIT,
            actor=actor,
            audit_action="assistance.application_submitted",
            fields=fields,
            after={"number": fields.get("number", application.number)},
        )
        start_clock(application, ClockKind.ACCEPTANCE)
        propose_for_parties(application)
        notify_event(
            application,
            "submitted",
            center_handlers(application),
            _lazy("New application for guidance"),
            application.title,
        )
    return application


def answer_information_request(*, actor, application: Application, answer: str) -> Application:
    """The enterprise answers a request for more information (it may have edited the draft
    meanwhile); the acceptance clock resumes with the working days that were left."""
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": _("Please write your answer.")})
    with transaction.atomic():
        application = locked(application)
        require_applicant(actor, application)
        require_transition(application, Action.ANSWER_INFO)
        check_complete(application)
        application = transition(
            application,
            Action.ANSWER_INFO,
            actor=actor,
            audit_action="assistance.info_answered",
            after={"answer": answer[:2000]},
        )
        add_message(actor=actor, application=application, body=answer)
        resume_clock(application, ClockKind.ACCEPTANCE)
        propose_for_parties(application)
        notify_event(
            application,
            "info_answered",
            center_handlers(application),
            _lazy("The enterprise provided more information"),
        )
    return application


def withdraw_application(*, actor, application: Application, reason: str = "") -> Application:
    """The enterprise withdraws its submitted application (every clock stops); a draft is
    withdrawn by simply leaving it."""
    reason = (reason or "").strip()
    fields: dict[str, Any] = {"closed_at": timezone.now()}
    if reason:
        fields["decision_note"] = reason
    with transaction.atomic():
        application = locked(application)
        require_applicant(actor, application)
        application = transition(
            application,
            Action.WITHDRAW,
            actor=actor,
            audit_action="assistance.application_withdrawn",
            fields=fields,
            after={"reason": reason},
        )
        for kind in ClockKind.values:
            stop_clock(application, kind)
        notify_event(
            application,
            "withdrawn",
            center_handlers(application),
            _lazy("The enterprise withdrew its application"),
            reason,
        )
    return application


def give_feedback(
    *, actor, application: Application, satisfaction: int, comment: str = ""
) -> Application:
    """Satisfaction 1–5 and a comment, once, after the case is concluded."""
    valid = isinstance(satisfaction, int) and not isinstance(satisfaction, bool)
    if not valid or not 1 <= satisfaction <= 5:
        raise ValidationError({"satisfaction": _("Choose a rating from 1 to 5.")})
    with transaction.atomic():
        application = locked(application)
        require_applicant(actor, application)
        updated = Application.objects.filter(
            pk=application.pk,
            status__in=[Status.CONCLUDED, Status.CLOSED],
            feedback_at__isnull=True,
        ).update(
            satisfaction=satisfaction, feedback=(comment or "").strip(), feedback_at=timezone.now()
        )
        if not updated:
            raise ValidationError(
                _("Feedback can be given once, after the case is concluded."),
                code="feedback_closed",
            )
        application.refresh_from_db()
        audit(actor, application, "assistance.feedback_given", satisfaction=satisfaction)
        notify_event(
            application,
            "feedback",
            center_handlers(application),
            _lazy("The enterprise gave feedback"),
        )
    return application
