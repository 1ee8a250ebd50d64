"""Helpers shared by the directory's services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from oipa.core.taxonomy.models import Jurisdiction

from ..access import is_center_staff
from ..listing import InstitutionDetails, MediationDetails


def require_center_staff(actor: Any) -> None:
    if not is_center_staff(actor):
        raise PermissionDenied(_("Only Center staff may do this."))


def summary_of(details: InstitutionDetails | MediationDetails) -> dict[str, Any]:
    """The non-empty values, as an audit event's before/after."""
    return {k: v for k, v in details.__dict__.items() if v not in ("", ())}


def jurisdictions_for(codes) -> list[Jurisdiction]:
    return list(Jurisdiction.objects.filter(code__in=codes))
