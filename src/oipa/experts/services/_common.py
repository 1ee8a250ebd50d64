"""Checks and effects shared by the expert-pool services."""

from __future__ import annotations

from typing import Any

import pycountry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from oipa.core.audit.services import record_event
from oipa.core.taxonomy.choices import DisputeType, IPType
from oipa.core.taxonomy.lookups import normalize_ipc
from oipa.core.taxonomy.models import Industry, IPCEntry, Jurisdiction, NiceClass

from ..access import can_manage_pool
from ..models import ExpertProfile, ProfileStatus

AUDIT_LABELS = {
    "experts.profile_created": _lazy("Expert profile created"),
    "experts.profile_updated": _lazy("Expert profile updated"),
    "experts.status_changed": _lazy("Expert status changed"),
    "experts.unavailability_added": _lazy("Expert unavailability added"),
    "experts.conflict_declared": _lazy("Conflict of interest declared"),
    "experts.conflict_withdrawn": _lazy("Conflict declaration withdrawn"),
    "experts.invited": _lazy("Expert invited to a case"),
    "experts.invitation_accepted": _lazy("Expert invitation accepted"),
    "experts.invitation_declined": _lazy("Expert invitation declined"),
    "experts.invitation_withdrawn": _lazy("Expert invitation withdrawn"),
    "experts.hours_logged": _lazy("Expert service hours logged"),
    "experts.proposal_created": _lazy("Batch assignment proposed"),
    "experts.proposal_confirmed": _lazy("Batch assignment confirmed"),
    "experts.proposal_discarded": _lazy("Batch assignment discarded"),
}


def require_pool_manager(actor) -> None:
    """Center staff and admins maintain the pool; everyone else is refused."""
    if not can_manage_pool(actor):
        raise PermissionDenied


def require_owner_or_manager(actor, profile: ExpertProfile) -> None:
    """The expert themselves, or Center staff."""
    if profile.user_id != actor.pk and not can_manage_pool(actor):
        raise PermissionDenied


def audit(actor, target: models.Model, action: str, *, before=None, **after: Any) -> None:
    record_event(actor=actor, action=action, target=target, before=before, after=after or None)


def lock_profile(profile: ExpertProfile, *, active: bool = True) -> ExpertProfile:
    """Take the expert's row lock with a write (SQLite has no row locks; the write serializes
    writers there, `select_for_update` does on PostgreSQL), so capacity checks that follow
    cannot interleave with another transaction's."""
    rows = ExpertProfile.objects.filter(pk=profile.pk)
    if active:
        rows = rows.filter(status=ProfileStatus.ACTIVE)
    if not rows.update(updated_at=timezone.now()):
        raise ValidationError(_("This expert is not active in the pool."), code="expert_not_active")
    return ExpertProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)


def _unknown(field: str, value) -> ValidationError:
    return ValidationError(
        {field: _("Unknown code “%(value)s”.") % {"value": value}}, code="unknown_code"
    )


def _codes(field: str, values, known) -> list[str]:
    codes = [str(v).strip() for v in values or () if str(v).strip()]
    for code in codes:
        if code not in known:
            raise _unknown(field, code)
    return list(dict.fromkeys(codes))


def _languages(values) -> list[str]:
    codes = [str(v).strip().lower() for v in values or () if str(v).strip()]
    for code in codes:
        if len(code) != 2 or pycountry.languages.get(alpha_2=code) is None:
            raise _unknown("languages", code)
    return list(dict.fromkeys(codes))


def _objects(field: str, model, key: str, values, convert=str) -> list:
    wanted = []
    for value in values or ():
        if isinstance(value, model):
            wanted.append(getattr(value, key))
            continue
        try:
            wanted.append(convert(value))
        except (TypeError, ValueError, ValidationError) as exc:
            raise _unknown(field, value) from exc
    found = {getattr(o, key): o for o in model.objects.filter(**{f"{key}__in": wanted})}
    for value in wanted:
        if value not in found:
            raise _unknown(field, value)
    return [found[v] for v in dict.fromkeys(wanted)]


def _ipc(value) -> str:
    return normalize_ipc(value)


def _upper(value) -> str:
    return str(value).strip().upper()


SCALARS = ("category", "employer", "title", "bio", "years_of_experience", "max_concurrent_cases")
LISTS = ("ip_types", "dispute_types", "languages")
RELATIONS = ("jurisdictions", "ipc_entries", "nice_classes", "industries")


def clean_expertise(fields: dict) -> tuple[dict, dict]:
    """Validate profile fields given as codes (or objects): (scalar fields, relations).
    Unknown codes, a capacity below 1 or a negative experience are refused with a clear,
    localized message naming the field; nothing is stored before everything is valid."""
    unknown = set(fields) - set(SCALARS) - set(LISTS) - set(RELATIONS)
    if unknown:
        raise TypeError(f"unknown profile fields: {sorted(unknown)}")
    scalars: dict = {k: fields[k] for k in SCALARS if k in fields}
    if "max_concurrent_cases" in scalars:
        capacity = _int("max_concurrent_cases", scalars["max_concurrent_cases"])
        if capacity < 1:
            raise ValidationError(
                {"max_concurrent_cases": _("An expert takes at least one case at a time.")},
                code="capacity",
            )
        scalars["max_concurrent_cases"] = capacity
    if "years_of_experience" in scalars:
        years = _int("years_of_experience", scalars["years_of_experience"])
        if not 0 <= years <= 80:
            raise ValidationError({"years_of_experience": _("Enter between 0 and 80 years.")})
        scalars["years_of_experience"] = years
    if "ip_types" in fields:
        scalars["ip_types"] = _codes("ip_types", fields["ip_types"], IPType.values)
    if "dispute_types" in fields:
        scalars["dispute_types"] = _codes(
            "dispute_types", fields["dispute_types"], DisputeType.values
        )
    if "languages" in fields:
        scalars["languages"] = _languages(fields["languages"])
    relations = {}
    if "jurisdictions" in fields:
        relations["jurisdictions"] = _objects(
            "jurisdictions", Jurisdiction, "code", fields["jurisdictions"], _upper
        )
    if "ipc_entries" in fields:
        relations["ipc_entries"] = _objects(
            "ipc_entries", IPCEntry, "symbol", fields["ipc_entries"], _ipc
        )
    if "nice_classes" in fields:
        relations["nice_classes"] = _objects(
            "nice_classes", NiceClass, "number", fields["nice_classes"], int
        )
    if "industries" in fields:
        relations["industries"] = _objects(
            "industries", Industry, "code", fields["industries"], _upper
        )
    return scalars, relations


def _int(field: str, value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError({field: _("Enter a whole number.")}) from exc


def snapshot(profile: ExpertProfile) -> dict:
    """What the audit trail keeps of a profile's expertise."""
    return {
        "category": profile.category,
        "status": profile.status,
        "ip_types": profile.ip_types,
        "dispute_types": profile.dispute_types,
        "languages": profile.languages,
        "max_concurrent_cases": profile.max_concurrent_cases,
        "jurisdictions": sorted(j.code for j in profile.jurisdictions.all()),
        "ipc_entries": sorted(e.symbol for e in profile.ipc_entries.all()),
        "nice_classes": sorted(n.number for n in profile.nice_classes.all()),
        "industries": sorted(i.code for i in profile.industries.all()),
    }
