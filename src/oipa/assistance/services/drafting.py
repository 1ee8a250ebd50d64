"""The enterprise's drafts: create (idempotently), save what was typed, keep only the fields the
dispute type asks for. Submission and what follows live in `submission.py`."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from oipa.core import regions
from oipa.core.audit.services import record_event
from oipa.core.taxonomy.choices import IPType
from oipa.core.taxonomy.lookups import normalize_ipc
from oipa.core.taxonomy.models import Jurisdiction

from ..dispute_fields import applicable_fields
from ..models import Application, Party, PartyKind
from ..sla import today
from ..workflow import Status
from ._common import locked, require_applicant

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
LIST_FIELDS = {"ip_types", "ipc_codes", "nice_classes"}


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
    except IntegrityError:
        if idempotency_key is None:
            raise
        # The same key raced in from a second request: answer with the first one's draft.
        return Application.objects.get(applicant=applicant, idempotency_key=idempotency_key)
    return application


def save_draft(*, actor, application: Application, **fields: Any) -> Application:
    """Keep what the enterprise typed; allowed while a draft or while answering a request for
    more information. Only fields that apply to the dispute type are kept."""
    with transaction.atomic():
        application = locked(application)
        require_applicant(actor, application)
        if application.status not in EDITABLE_STATES:
            raise ValidationError(_("The application can no longer be edited."), code="locked")
        changed = sorted(fields)
        _apply_fields(application, fields)
        record_event(
            actor=actor,
            action="assistance.draft_saved",
            target=application,
            organization=application.applicant,
            after={"fields": changed},
        )
    return application


def _apply_fields(application: Application, fields: dict[str, Any]) -> None:
    parties = fields.pop("parties", None)
    jurisdictions = fields.pop("jurisdictions", None)
    unknown = set(fields) - set(SCALAR_FIELDS)
    if unknown:
        raise ValueError(f"unknown application fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(application, name, [] if value is None and name in LIST_FIELDS else value)
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
        errors["ip_types"] = [_("Unknown IP type: %(v)s") % {"v": ", ".join(map(str, bad_types))}]
    try:
        application.ipc_codes = sorted({normalize_ipc(c) for c in application.ipc_codes if c})
    except ValidationError as exc:
        errors["ipc_codes"] = exc.messages
    bad_nice = [n for n in application.nice_classes if not (isinstance(n, int) and 1 <= n <= 45)]
    if bad_nice:
        errors["nice_classes"] = [_("Nice classes are numbered 1 to 45.")]
    if errors:
        raise ValidationError(errors)


def _party_row(application: Application, party: dict[str, str]) -> Party | None:
    name = (party.get("name") or "").strip()
    if not name:
        return None
    kind = party.get("kind") or PartyKind.COUNTERPARTY
    if kind not in PartyKind.values:
        raise ValidationError({"parties": [_("Unknown kind of party: %(v)s") % {"v": kind}]})
    uscc = (party.get("uscc") or "").strip()
    province = (party.get("province") or "").strip()[:2]
    if uscc:
        try:
            parsed = regions.parse_uscc(uscc)
        except ValidationError as exc:
            raise ValidationError({"parties": exc.messages}) from exc
        uscc, province = parsed.code, parsed.division_code[:2]
    return Party(
        application=application,
        kind=kind,
        name=name[:300],
        uscc=uscc,
        province=province,
        country=(party.get("country") or "").strip().upper()[:2],
    )


def _replace_parties(application: Application, parties: list[dict[str, str]]) -> None:
    rows = [_party_row(application, party) for party in parties]
    application.parties.all().delete()
    Party.objects.bulk_create([row for row in rows if row is not None])


def deadline_errors(value: date | None) -> list[str]:
    """Form-level check shared by the UI and the API."""
    if value is not None and value < today():
        return [_("The response deadline lies in the past.")]
    return []


def jurisdictions_by_code(codes: list[str]):
    return list(Jurisdiction.objects.filter(code__in=codes))
