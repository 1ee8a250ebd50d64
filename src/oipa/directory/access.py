"""Who may see and maintain which directory listing. The directory is public.

One rule per role, each on its own line:
- everyone, visitors included: listed institutions and bodies;
- Center staff, admins and auditors: every listing, whatever its status;
- institution staff: also their own organization's listing, whatever its status.
Maintaining: Center staff any listing; institution staff only their own institution's (by
proposing changes). Anything else answers 404, like a missing listing.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db import models
from django.http import Http404

from oipa.accounts.access import is_center_staff
from oipa.accounts.access import membership_of as _membership

LISTED = "listed"


class InstitutionQuerySet(models.QuerySet):
    def public(self) -> InstitutionQuerySet:
        """Listings anyone may see: the listed ones."""
        return self.filter(status=LISTED)

    def visible_to(self, user: Any) -> InstitutionQuerySet:
        """Listings the user may know exist; everything else answers 404."""
        membership = _membership(user)
        if membership is None:
            return self.public()
        if membership.is_center:
            return self.all()
        if membership.is_institution:
            return self.filter(
                models.Q(status=LISTED) | models.Q(organization_id=membership.organization_id)
            )
        return self.public()


class MediationBodyQuerySet(models.QuerySet):
    def public(self) -> MediationBodyQuerySet:
        return self.filter(status=LISTED)

    def visible_to(self, user: Any) -> MediationBodyQuerySet:
        """Listed bodies for everyone; Center roles also see withdrawn ones."""
        membership = _membership(user)
        if membership is not None and membership.is_center:
            return self.all()
        return self.public()


def maintains_institution(user: Any, institution: Any) -> bool:
    """Center staff, or institution staff of the organization linked to the listing."""
    membership = _membership(user)
    if membership is None:
        return False
    if membership.is_center_staff:
        return True
    return (
        membership.is_institution
        and institution.organization_id is not None
        and membership.organization_id == institution.organization_id
    )


def get_institution_for_user(user: Any, code: UUID | str, *, write: bool = False):
    """The institution with this code if the user may see it, and maintain it when `write`;
    404 otherwise."""
    from .models import Institution

    institution = (
        Institution.objects.visible_to(user)
        .select_related("organization")
        .prefetch_related("countries")
        .filter(code=code)
        .first()
    )
    if institution is None or (write and not maintains_institution(user, institution)):
        raise Http404
    return institution


def get_mediation_body_for_user(user: Any, code: UUID | str, *, write: bool = False):
    """The body with this code if the user may see it (and, when `write`, is Center staff)."""
    from .models import MediationBody

    body = (
        MediationBody.objects.visible_to(user)
        .prefetch_related("jurisdictions")
        .filter(code=code)
        .first()
    )
    if body is None or (write and not is_center_staff(user)):
        raise Http404
    return body


def get_change_for_user(user: Any, code: UUID | str):
    """A proposed change: Center roles see all; institution staff their own institution's."""
    from .models import ListingChange

    change = (
        ListingChange.objects.select_related("institution", "proposed_by", "reviewed_by")
        .filter(code=code)
        .first()
    )
    membership = _membership(user)
    if change is None or membership is None:
        raise Http404
    if membership.is_center:
        return change
    if membership.is_institution and (
        change.institution.organization_id == membership.organization_id
    ):
        return change
    raise Http404
