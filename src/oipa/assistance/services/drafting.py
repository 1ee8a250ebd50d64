"""The enterprise's side: drafts, submission with eligibility, answers, withdrawal, feedback."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from oipa.accounts.models import Organization, OrgKind
from oipa.core import regions
from oipa.core.audit.services import record_event
from oipa.core.taxonomy.choices import DisputeType, IPType
from oipa.core.taxonomy.lookups import normalize_ipc
from oipa.core.taxonomy.models import Jurisdiction

from ..dispute_fields import applicable_fields, required_fields
from ..models import Application, CaseNumberSequence, ClockKind, JointGuidance, Party, PartyKind
from ..sla import resume_clock, start_clock, stop_clock, today
from ..workflow import Action, Status
from ._common import (
    center_handlers,
    notify_event,
    require_applicant,
    transition,
)

EDITABLE_STATES = {Status.DRAFT, Status.INFO_REQUESTED}
SCALAR_FIELDS = [
    "title",
    "ip_types",
    "dispute_type",
    "forum",
    "our_role",
    "case_numbers",
    "served_on",
    "response_deadline",
    "hearing_on",
    "ipc_codes",
    "nice_classes",
    "industry",
    "products",
    "amount_at_stake",
    "currency",
    "description",
    "help_wanted",
    "consent_data_use",
    "consent_share_contacts",
    "confidential",
]


def create_draft(*, actor, idempotency_key: uuid.UUID | None = None, **fields: Any) -> Application:
    """Start an application for the actor's enterprise; the same idempotency key (a double
    click, a retried request) returns the application created the first time."""
    membership = actor.membership
    if membership is None or not membership.is_enterprise:
        raise PermissionDenied
    applicant = membership.organization
    if idempotency_key is not None:
        existing = Application.objects.filter(
            applicant=applicant, idempotency_key=idempotency_key
        ).first()
        if existing is not None:
            return existing
    try:
        with transaction.atomic():
            application = Application.objects.create(
                applicant=applicant, created_by=actor, idempotency_key=idempotency_key
            )
            _apply_fields(application, fields)
            record_event(
                actor=actor,
                action="assistance.application_created",
                target=application,
                organization=applicant,
            )
    except IntegrityError:  # the same key raced in from a second request
        return Application.objects.get(applicant=applicant, idempotency_key=idempotency_key)
    return application


def save_draft(*, actor, application: Application, **fields: Any) -> Application:
    """Keep what the enterprise typed; allowed while a draft or while answering a request for
    more information. Only fields that apply to the dispute type are kept."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        require_applicant(actor, application)
        if application.status not in EDITABLE_STATES:
            raise ValidationError(_("The application can no longer be edited."), code="locked")
        _apply_fields(application, fields)
        record_event(
            actor=actor,
            action="assistance.draft_saved",
            target=application,
            organization=application.applicant,
            after={"fields": sorted(k for k in fields if k != "parties")},
        )
    return application


def _apply_fields(application: Application, fields: dict[str, Any]) -> None:
    parties = fields.pop("parties", None)
    jurisdictions = fields.pop("jurisdictions", None)
    unknown = set(fields) - set(SCALAR_FIELDS)
    if unknown:
        raise ValueError(f"unknown application fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(application, name, value)
    _check_codes(application)
    dispute = application.dispute_type
    if dispute:
        for name in {"served_on", "hearing_on", "case_numbers", "forum"} - applicable_fields(
            dispute
        ):
            setattr(application, name, None if name.endswith("_on") else "")
    application.save()
    if jurisdictions is not None:
        application.jurisdictions.set(jurisdictions)
    if parties is not None:
        _replace_parties(application, parties)


def _check_codes(application: Application) -> None:
    errors: dict[str, list[str]] = {}
    bad_types = [t for t in application.ip_types if t not in IPType.values]
    if bad_types:
        errors["ip_types"] = [_("Unknown IP type: %(v)s") % {"v": ", ".join(bad_types)}]
    try:
        application.ipc_codes = sorted({normalize_ipc(c) for c in application.ipc_codes if c})
    except ValidationError as exc:
        errors["ipc_codes"] = exc.messages
    bad_nice = [n for n in application.nice_classes if not (isinstance(n, int) and 1 <= n <= 45)]
    if bad_nice:
        errors["nice_classes"] = [_("Nice classes are numbered 1 to 45.")]
    if errors:
        raise ValidationError(errors)


def _replace_parties(application: Application, parties: list[dict[str, str]]) -> None:
    application.parties.all().delete()
    rows = []
    for party in parties:
        name = (party.get("name") or "").strip()
        if not name:
            continue
        uscc = (party.get("uscc") or "").strip()
        province = party.get("province", "")
        if uscc:
            parsed = regions.parse_uscc(uscc)
            uscc, province = parsed.code, parsed.division_code[:2]
        rows.append(
            Party(
                application=application,
                kind=party.get("kind", PartyKind.COUNTERPARTY),
                name=name[:300],
                uscc=uscc,
                province=province,
                country=party.get("country", ""),
            )
        )
    Party.objects.bulk_create(rows)


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
    return Organization.objects.filter(
        kind=OrgKind.PARTNER_CENTER, is_active=True, division_code__startswith=province
    ).first()


def _next_case_number(year: int) -> str:
    sequence, _created = CaseNumberSequence.objects.select_for_update().get_or_create(year=year)
    CaseNumberSequence.objects.filter(pk=sequence.pk).update(last=sequence.last + 1)
    return f"{settings.CASE_NUMBER_PREFIX}〔{year}〕{sequence.last + 1:04d}号"


def jjj_provinces(application: Application) -> set[str]:
    """The Beijing/Tianjin/Hebei provinces among the applicant and the named parties."""
    provinces = {(application.applicant.division_code or "")[:2]}
    provinces |= set(application.parties.values_list("province", flat=True))
    return provinces & {"11", "12", "13"}


def _joint_guidance_fields(application: Application) -> dict[str, Any]:
    provinces = jjj_provinces(application)
    if len(provinces) < 2 and not application.major_jjj_impact:
        return {}
    return {"joint_guidance": JointGuidance.PROPOSED}


def submit_application(*, actor, application: Application) -> Application:
    """Submit a complete draft: eligibility (Beijing domicile), a case number, the acceptance
    clock, and a joint-guidance proposal when parties come from two or more of 京津冀."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        require_applicant(actor, application)
        if application.status != Status.DRAFT:
            raise ValidationError(
                _("This application has already been submitted."), code="already_submitted"
            )
        check_eligibility(application.applicant)
        check_complete(application)
        now = timezone.now()
        fields: dict[str, Any] = {"submitted_at": now, **_joint_guidance_fields(application)}
        if not application.number:
            fields["number"] = _next_case_number(timezone.localdate().year)
        application = transition(
            application,
            Action.SUBMIT,
            actor=actor,
            audit_action="assistance.application_submitted",
            fields=fields,
            after={"number": fields.get("number", application.number)},
        )
        if application.joint_guidance == JointGuidance.PROPOSED:
            _attach_partner_centers(application)
        start_clock(application, ClockKind.ACCEPTANCE)
        notify_event(
            application,
            "submitted",
            center_handlers(application),
            _lazy("New application for guidance"),
            application.title,
        )
    return application


def _attach_partner_centers(application: Application) -> None:
    provinces = jjj_provinces(application) - {"11"}
    partners = Organization.objects.filter(kind=OrgKind.PARTNER_CENTER, is_active=True)
    for partner in partners:
        if partner.division_code[:2] in provinces:
            application.partner_centers.add(partner)
    record_event(
        actor=None,
        action="assistance.joint_guidance_proposed",
        target=application,
        organization=application.applicant,
        after={"provinces": sorted(jjj_provinces(application))},
    )


def answer_information_request(*, actor, application: Application, answer: str) -> Application:
    """The enterprise answers a request for more information; the acceptance clock resumes."""
    if not answer.strip():
        raise ValidationError({"answer": _("Please write your answer.")})
    with transaction.atomic():
        require_applicant(actor, application)
        check_complete(application)
        application = transition(
            application,
            Action.ANSWER_INFO,
            actor=actor,
            audit_action="assistance.info_answered",
            after={"answer": answer.strip()[:2000]},
        )
        from .casework import post_message

        post_message(actor=actor, application=application, body=answer, audit=False)
        resume_clock(application, ClockKind.ACCEPTANCE)
        notify_event(
            application,
            "info_answered",
            center_handlers(application),
            _lazy("The enterprise provided more information"),
        )
    return application


def withdraw_application(*, actor, application: Application, reason: str = "") -> Application:
    """The enterprise withdraws its application; a draft is withdrawn by simply leaving it."""
    with transaction.atomic():
        require_applicant(actor, application)
        application = transition(
            application,
            Action.WITHDRAW,
            actor=actor,
            audit_action="assistance.application_withdrawn",
            fields={"closed_at": timezone.now(), "decision_note": reason},
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
    if not isinstance(satisfaction, int) or not 1 <= satisfaction <= 5:
        raise ValidationError({"satisfaction": _("Choose a rating from 1 to 5.")})
    with transaction.atomic():
        require_applicant(actor, application)
        updated = Application.objects.filter(
            pk=application.pk,
            status__in=[Status.CONCLUDED, Status.CLOSED],
            feedback_at__isnull=True,
        ).update(satisfaction=satisfaction, feedback=comment.strip(), feedback_at=timezone.now())
        if not updated:
            raise ValidationError(
                _("Feedback can be given once, after the case is concluded."),
                code="feedback_closed",
            )
        application.refresh_from_db()
        record_event(
            actor=actor,
            action="assistance.feedback_given",
            target=application,
            organization=application.applicant,
            after={"satisfaction": satisfaction},
        )
        notify_event(
            application,
            "feedback",
            center_handlers(application),
            _lazy("The enterprise gave feedback"),
        )
    return application


def deadline_errors(value: date | None) -> list[str]:
    """Form-level check shared by the UI and the API."""
    if value is not None and value < today():
        return [_("The response deadline lies in the past.")]
    return []


def jurisdictions_by_code(codes: list[str]):
    return list(Jurisdiction.objects.filter(code__in=codes))
