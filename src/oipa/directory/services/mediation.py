"""Mediation and arbitration bodies, maintained by Center staff."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.core.audit.services import record_event

from ..listing import MediationDetails, validate_mediation_body
from ..models import ListingStatus, MediationBody
from ..search import reindex_on_commit
from ._common import jurisdictions_for, require_center_staff, summary_of


def _body_fields(details: MediationDetails) -> dict[str, Any]:
    data = dict(details.__dict__)
    data.pop("jurisdictions")
    data["dispute_types"] = list(details.dispute_types)
    return data


def create_mediation_body(*, actor: Any, details: MediationDetails) -> MediationBody:
    """Center staff list a mediation or arbitration body (live at once)."""
    require_center_staff(actor)
    details = validate_mediation_body(details)
    with transaction.atomic():
        body = MediationBody.objects.create(**_body_fields(details))
        body.jurisdictions.set(jurisdictions_for(details.jurisdictions))
        record_event(
            actor=actor,
            action="directory.mediation_body_listed",
            target=body,
            after=summary_of(details),
        )
        reindex_on_commit("mediation_body", body.code)
    return body


def update_mediation_body(
    *, actor: Any, body: MediationBody, details: MediationDetails
) -> MediationBody:
    """Center staff change a body's listing."""
    require_center_staff(actor)
    details = validate_mediation_body(details)
    with transaction.atomic():
        before = {
            "name_zh": body.name_zh,
            "kind": body.kind,
            "dispute_types": body.dispute_types,
            "rules_url": body.rules_url,
        }
        MediationBody.objects.filter(pk=body.pk).update(
            **_body_fields(details), updated_at=timezone.now()
        )
        body.jurisdictions.set(jurisdictions_for(details.jurisdictions))
        body.refresh_from_db()
        record_event(
            actor=actor,
            action="directory.mediation_body_updated",
            target=body,
            before=before,
            after=summary_of(details),
        )
        reindex_on_commit("mediation_body", body.code)
    return body


def withdraw_mediation_body(*, actor: Any, body: MediationBody) -> MediationBody:
    """Center staff take a body out of the public directory."""
    require_center_staff(actor)
    with transaction.atomic():
        changed = MediationBody.objects.filter(pk=body.pk, status=ListingStatus.LISTED).update(
            status=ListingStatus.WITHDRAWN, updated_at=timezone.now()
        )
        if not changed:
            raise ValidationError(_("The body is not listed."))
        record_event(
            actor=actor,
            action="directory.mediation_body_withdrawn",
            target=body,
            before={"status": ListingStatus.LISTED},
            after={"status": ListingStatus.WITHDRAWN},
        )
        reindex_on_commit("mediation_body", body.code)
    body.refresh_from_db()
    return body
