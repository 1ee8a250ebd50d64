"""Who may see which demand lead. One rule per role:
- Center staff, admins and auditors: every lead;
- district officers: the leads of their own district office;
- everyone else: none.
Only Center staff act on leads (triage, convert, close); hidden leads answer 404.
"""

from __future__ import annotations

from uuid import UUID

from django.db import models
from django.http import Http404

from oipa.accounts.access import is_center_staff
from oipa.accounts.access import membership_of as _membership


def is_district_officer(user) -> bool:
    membership = _membership(user)
    return membership is not None and membership.is_district_officer


def may_see_leads(user) -> bool:
    """Whether the user has a leads page at all (Center or district officer)."""
    membership = _membership(user)
    return membership is not None and (membership.is_center or membership.is_district_officer)


class LeadQuerySet(models.QuerySet):
    def visible_to(self, user) -> LeadQuerySet:
        """The leads the user may know exist."""
        membership = _membership(user)
        if membership is None:
            return self.none()
        if membership.is_center:
            return self.all()
        if membership.is_district_officer:
            return self.filter(district_office_id=membership.organization_id)
        return self.none()


def get_lead_for_user(user, code: UUID | str, *, write: bool = False):
    """The lead if the user may see it, and act on it when `write` (Center staff); else 404."""
    from .models import Lead

    lead = (
        Lead.objects.visible_to(user)
        .select_related("district_office", "enterprise", "training_event", "application")
        .filter(code=code)
        .first()
    )
    if lead is None or (write and not is_center_staff(user)):
        raise Http404
    return lead
