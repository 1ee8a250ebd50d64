"""The one place that decides which organizations and memberships a user may read or change."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import Http404

from .models import Membership, Organization, User


def membership_of(user: Any) -> Membership | None:
    """The user's active membership; None for visitors and users without one."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.membership


def is_center_staff(user: Any) -> bool:
    """Center staff and admins, who act for the Center; auditors only read."""
    membership = membership_of(user)
    return membership is not None and membership.is_center_staff


def get_organization_for_user(user: User, code: UUID | str, *, write: bool = False) -> Organization:
    """The organization with this public code if the user may see it (and change it when
    `write`); otherwise 404, the same answer as for a code that does not exist."""
    organization = Organization.objects.visible_to(user).filter(code=code).first()
    if organization is None:
        raise Http404
    if write and not can_manage_organization(user, organization):
        raise Http404
    return organization


def can_manage_organization(user: User, organization: Organization) -> bool:
    """Center admins manage every organization; an enterprise admin manages its own."""
    membership = user.membership
    if membership is None:
        return False
    if membership.is_center_admin:
        return True
    return membership.can_manage_members and membership.organization_id == organization.pk


def get_membership_for_user(user: User, organization: Organization, pk: int) -> Membership:
    """A membership of an organization the user manages; 404 otherwise."""
    if not can_manage_organization(user, organization):
        raise Http404
    membership = organization.memberships.select_related("user").filter(pk=pk).first()
    if membership is None:
        raise Http404
    return membership
