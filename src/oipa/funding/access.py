"""Who may see which funding programme, funding application, fund membership, claim and ledger
entry; one rule per role, each on its own line.

- Center staff, admins and auditors: everything except other organizations' draft applications;
- enterprise members: their own organization's applications, memberships, claims and entries;
- everyone else: nothing (programmes: the active ones, to read the rules).
Hidden objects answer 404 like missing ones.
"""

from __future__ import annotations

from uuid import UUID

from django.db import models
from django.http import Http404

from oipa.accounts.access import membership_of as _membership


class ProgrammeQuerySet(models.QuerySet):
    def visible_to(self, user) -> ProgrammeQuerySet:
        """The Center sees every programme; other signed-in users the active ones."""
        membership = _membership(user)
        if membership is None:
            return self.none()
        if membership.is_center:
            return self.all()
        return self.filter(is_active=True)


class FundingApplicationQuerySet(models.QuerySet):
    def visible_to(self, user) -> FundingApplicationQuerySet:
        """Enterprises: their own (drafts included); the Center: every submitted one."""
        membership = _membership(user)
        if membership is None:
            return self.none()
        if membership.is_enterprise:
            return self.filter(applicant_id=membership.organization_id)
        if membership.is_center:
            return self.exclude(status="draft")
        return self.none()


class FundMemberQuerySet(models.QuerySet):
    def visible_to(self, user) -> FundMemberQuerySet:
        membership = _membership(user)
        if membership is None:
            return self.none()
        if membership.is_enterprise:
            return self.filter(organization_id=membership.organization_id)
        if membership.is_center:
            return self.all()
        return self.none()


class FundClaimQuerySet(models.QuerySet):
    def visible_to(self, user) -> FundClaimQuerySet:
        membership = _membership(user)
        if membership is None:
            return self.none()
        if membership.is_enterprise:
            return self.filter(member__organization_id=membership.organization_id)
        if membership.is_center:
            return self.all()
        return self.none()


class JournalEntryQuerySet(models.QuerySet):
    def visible_to(self, user) -> JournalEntryQuerySet:
        """The Center sees the whole ledger; a member only the entries booked for it."""
        membership = _membership(user)
        if membership is None:
            return self.none()
        if membership.is_enterprise:
            return self.filter(member__organization_id=membership.organization_id)
        if membership.is_center:
            return self.all()
        return self.none()


def can_manage_funding(user) -> bool:
    """Center staff and admins act; auditors only read."""
    membership = getattr(user, "membership", None)
    return membership is not None and membership.is_center_staff


def is_member_of(user, organization_id: int) -> bool:
    """A member (any role) of the enterprise `organization_id`."""
    membership = getattr(user, "membership", None)
    return (
        membership is not None
        and membership.is_enterprise
        and membership.organization_id == organization_id
    )


def get_programme_for_user(user, code: UUID | str, *, write: bool = False):
    """The programme if the user may see it (and manage it when `write`); 404 otherwise."""
    from .models import Programme

    programme = Programme.objects.visible_to(user).filter(code=code).first()
    if programme is None or (write and not can_manage_funding(user)):
        raise Http404
    return programme


def get_funding_application_for_user(user, code: UUID | str, *, write: bool = False):
    """The funding application if the user may see it, and act on it when `write` (the
    applicant's members or Center staff); 404 otherwise."""
    from .models import FundingApplication

    application = (
        FundingApplication.objects.visible_to(user)
        .select_related("programme", "applicant", "case", "created_by")
        .filter(code=code)
        .first()
    )
    if application is None:
        raise Http404
    if write and not (is_member_of(user, application.applicant_id) or can_manage_funding(user)):
        raise Http404
    return application


def get_cost_item_for_user(user, code: UUID | str):
    """A cost item of a funding application the user may see; 404 otherwise."""
    from .models import CostItem

    item = (
        CostItem.objects.filter(application__in=_applications(user), code=code)
        .select_related("application", "application__programme")
        .first()
    )
    if item is None:
        raise Http404
    return item


def _applications(user):
    from .models import FundingApplication

    return FundingApplication.objects.visible_to(user)


def get_member_for_user(user, code: UUID | str):
    """A fund membership the user may see; 404 otherwise."""
    from .models import FundMember

    member = (
        FundMember.objects.visible_to(user)
        .select_related("fund", "organization")
        .filter(code=code)
        .first()
    )
    if member is None:
        raise Http404
    return member


def get_fund_claim_for_user(user, code: UUID | str, *, write: bool = False):
    """A fund claim the user may see (and decide on when `write`: Center staff); 404
    otherwise."""
    from .models import FundClaim

    claim = (
        FundClaim.objects.visible_to(user)
        .select_related("member__fund", "member__organization", "case")
        .filter(code=code)
        .first()
    )
    if claim is None or (write and not can_manage_funding(user)):
        raise Http404
    return claim
