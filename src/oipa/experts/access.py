"""Who may see which expert profile, invitation and assignment proposal.

One rule per role, each on its own line:
- Center staff, admins and auditors: the whole pool, every invitation and proposal;
- an expert: their own profile and the invitations addressed to them;
- everyone else: nothing.
Cases an expert may read come from `CaseExpert` (see `oipa.assistance.access`).
"""

from __future__ import annotations

from uuid import UUID

from django.db import models
from django.http import Http404

from oipa.accounts.access import membership_of as _membership


class ExpertProfileQuerySet(models.QuerySet):
    def visible_to(self, user) -> ExpertProfileQuerySet:
        """Profiles the user may know exist; everything else answers 404."""
        membership = _membership(user)
        if membership is None:
            return self.none()
        if membership.is_center:
            return self.all()
        if membership.is_expert:
            return self.filter(user=user)
        return self.none()


class InvitationQuerySet(models.QuerySet):
    def visible_to(self, user) -> InvitationQuerySet:
        """Invitations the user may know exist."""
        membership = _membership(user)
        if membership is None:
            return self.none()
        if membership.is_center:
            return self.all()
        if membership.is_expert:
            return self.filter(expert__user=user)
        return self.none()


class ProposalQuerySet(models.QuerySet):
    def visible_to(self, user) -> ProposalQuerySet:
        """Batch assignment proposals are the Center's working papers."""
        membership = _membership(user)
        if membership is None or not membership.is_center:
            return self.none()
        return self.all()


def can_manage_pool(user) -> bool:
    """Center staff and admins maintain the pool and invite experts; auditors only read."""
    membership = getattr(user, "membership", None)
    return membership is not None and membership.is_center_staff


def get_profile_for_user(user, code: UUID | str, *, write: bool = False):
    """The profile with this code if the user may see it; with `write`, only if they may edit
    it (the expert themselves, or Center staff). 404 otherwise."""
    from .models import ExpertProfile

    profile = (
        ExpertProfile.objects.visible_to(user).select_related("user").filter(code=code).first()
    )
    if profile is None:
        raise Http404
    if write and not (profile.user_id == user.pk or can_manage_pool(user)):
        raise Http404
    return profile


def get_own_profile(user):
    """The signed-in expert's own profile; 404 when they have none."""
    from .models import ExpertProfile

    profile = ExpertProfile.objects.visible_to(user).filter(user=user).first()
    if profile is None:
        raise Http404
    return profile


def get_invitation_for_user(user, code: UUID | str, *, answer: bool = False):
    """The invitation with this code if the user may see it; with `answer`, only the invited
    expert. 404 otherwise."""
    from .models import ExpertInvitation

    invitation = (
        ExpertInvitation.objects.visible_to(user)
        .select_related("application", "expert__user")
        .filter(code=code)
        .first()
    )
    if invitation is None:
        raise Http404
    if answer and invitation.expert.user_id != user.pk:
        raise Http404
    return invitation


def get_proposal_for_user(user, code: UUID | str, *, write: bool = False):
    """A batch assignment proposal for Center staff (auditors read only); 404 otherwise."""
    from .models import AssignmentProposal

    proposal = AssignmentProposal.objects.visible_to(user).filter(code=code).first()
    if proposal is None or (write and not can_manage_pool(user)):
        raise Http404
    return proposal
