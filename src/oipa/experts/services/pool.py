"""Maintaining the pool: profiles (created by the Center, kept current by the expert), their
status, unavailability periods and declared conflicts of interest."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.accounts.models import Role
from oipa.assistance.models import Application
from oipa.assistance.workflow import OPEN_STATES
from oipa.core.notifications.models import Category
from oipa.core.notifications.services import notify
from oipa.matching import ALERT_THRESHOLD, EnterpriseRecord, MatchingEngine

from ..models import (
    ConflictDeclaration,
    ConflictKind,
    ExpertProfile,
    ProfileStatus,
    Unavailability,
)
from ..recommend import party_names
from ._common import (
    audit,
    clean_expertise,
    require_owner_or_manager,
    require_pool_manager,
    snapshot,
)

# Who may move a profile from one status to another (the Center; the expert only joins).
STATUS_CHANGES = {
    (ProfileStatus.INVITED, ProfileStatus.ACTIVE),
    (ProfileStatus.ACTIVE, ProfileStatus.SUSPENDED),
    (ProfileStatus.SUSPENDED, ProfileStatus.ACTIVE),
    (ProfileStatus.ACTIVE, ProfileStatus.RETIRED),
    (ProfileStatus.SUSPENDED, ProfileStatus.RETIRED),
    (ProfileStatus.INVITED, ProfileStatus.RETIRED),
}


def create_expert_profile(
    *, actor, user, category: str, invite: bool = False, **fields
) -> ExpertProfile:
    """The Center adds a person with an expert membership to the pool, active at once or
    invited (they then confirm by joining). Unknown codes and a capacity below 1 are refused."""
    require_pool_manager(actor)
    membership = getattr(user, "membership", None)
    if membership is None or membership.role != Role.EXPERT:
        raise ValidationError({"user": _("This person has no expert account.")})
    scalars, relations = clean_expertise({"category": category, **fields})
    with transaction.atomic():
        if ExpertProfile.objects.filter(user=user).exists():
            raise ValidationError({"user": _("This person is already in the pool.")})
        status = ProfileStatus.INVITED if invite else ProfileStatus.ACTIVE
        profile = ExpertProfile.objects.create(user=user, status=status, **scalars)
        for name, objects in relations.items():
            getattr(profile, name).set(objects)
        audit(actor, profile, "experts.profile_created", **snapshot(profile))
        if invite:
            notify(
                recipients=[user],
                event_key=f"expert-pool-invitation:{profile.code}",
                render=lambda: (_("You are invited to join the expert pool"), ""),
                url=_own_profile_url(),
                category=Category.EXPERT_INVITATION,
            )
    return profile


def _own_profile_url() -> str:
    from django.urls import reverse

    return reverse("experts:own_profile")


def update_expert_profile(*, actor, profile: ExpertProfile, **fields) -> ExpertProfile:
    """The expert (or Center staff) changes the profile's expertise and capacity. Everything
    is validated first; a refused change stores nothing."""
    require_owner_or_manager(actor, profile)
    if "category" in fields and profile.user_id == actor.pk:
        require_pool_manager(actor)  # the category is the Center's appointment, not a claim
    scalars, relations = clean_expertise(fields)
    with transaction.atomic():
        profile = ExpertProfile.objects.select_for_update().get(pk=profile.pk)
        before = snapshot(profile)
        ExpertProfile.objects.filter(pk=profile.pk).update(updated_at=timezone.now(), **scalars)
        for name, objects in relations.items():
            getattr(profile, name).set(objects)
        profile.refresh_from_db()
        audit(actor, profile, "experts.profile_updated", before=before, **snapshot(profile))
    return profile


def change_expert_status(*, actor, profile: ExpertProfile, status: str) -> ExpertProfile:
    """Suspend, reinstate or retire an expert (the Center), or join the pool one was invited
    to (the expert: invited → active). Pending invitations stay; they cannot be accepted
    while the expert is not active."""
    current = profile.status
    joining = profile.user_id == actor.pk and (current, status) == (
        ProfileStatus.INVITED,
        ProfileStatus.ACTIVE,
    )
    if not joining:
        require_pool_manager(actor)
    if (current, status) not in STATUS_CHANGES:
        raise ValidationError(
            _("An expert cannot go from “%(current)s” to “%(target)s”.")
            % {"current": ProfileStatus(current).label, "target": ProfileStatus(status).label},
            code="invalid_transition",
        )
    with transaction.atomic():
        updated = ExpertProfile.objects.filter(pk=profile.pk, status=current).update(
            status=status, updated_at=timezone.now()
        )
        if not updated:
            raise ValidationError(
                _("Someone else changed this expert a moment ago. Reload and check."),
                code="stale",
            )
        profile.refresh_from_db()
        audit(actor, profile, "experts.status_changed", before={"status": current}, status=status)
    return profile


def add_unavailability(
    *, actor, profile: ExpertProfile, starts_on: date, ends_on: date, note: str = ""
) -> Unavailability:
    """A period in which the expert takes no new cases (e.g. abroad until a date)."""
    require_owner_or_manager(actor, profile)
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The period cannot end before it starts.")})
    with transaction.atomic():
        period = Unavailability.objects.create(
            expert=profile, starts_on=starts_on, ends_on=ends_on, note=(note or "").strip()
        )
        ExpertProfile.objects.filter(pk=profile.pk).update(updated_at=timezone.now())
        audit(
            actor,
            profile,
            "experts.unavailability_added",
            starts_on=starts_on.isoformat(),
            ends_on=ends_on.isoformat(),
        )
    return period


def declare_conflict(*, actor, profile: ExpertProfile, kind: str, name: str) -> ConflictDeclaration:
    """The expert (or Center staff) declares a client, adversary or related organization."""
    require_owner_or_manager(actor, profile)
    name = (name or "").strip()
    if kind not in ConflictKind.values:
        raise ValidationError({"kind": _("Choose client, adversary or related organization.")})
    if not name:
        raise ValidationError({"name": _("Enter the organization's name.")})
    with transaction.atomic():
        declaration = ConflictDeclaration.objects.create(expert=profile, kind=kind, name=name)
        ExpertProfile.objects.filter(pk=profile.pk).update(updated_at=timezone.now())
        audit(actor, profile, "experts.conflict_declared", kind=kind, name=name)
    return declaration


def live_cases_excluded_by(declaration: ConflictDeclaration) -> list[Application]:
    """Open cases with a party the declaration matches (the expert is kept off them)."""
    engine = MatchingEngine.build([EnterpriseRecord("d", [declaration.name])])
    cases = list(
        Application.objects.filter(status__in=OPEN_STATES)
        .select_related("applicant")
        .prefetch_related("parties")
    )
    hits = []
    for case in cases:
        names = list(party_names(case))
        matches = engine.match(names, threshold=ALERT_THRESHOLD, limit=1)
        if any(matches):
            hits.append(case)
    return hits


def withdraw_conflict(*, actor, declaration: ConflictDeclaration) -> ConflictDeclaration:
    """Withdraw a declaration: the row stays (with `withdrawn_at`) and the audit trail keeps
    it. Refused while it keeps the expert off a case in progress, so a conflict cannot be
    erased to get onto that case."""
    profile = declaration.expert
    require_owner_or_manager(actor, profile)
    if live_cases_excluded_by(declaration):
        raise ValidationError(
            _(
                "This declaration keeps you off a case in progress, so it stays until that "
                "case is over. Ask the Center if it is wrong."
            ),
            code="conflict_in_use",
        )
    with transaction.atomic():
        updated = ConflictDeclaration.objects.filter(
            pk=declaration.pk, withdrawn_at__isnull=True
        ).update(withdrawn_at=timezone.now())
        if not updated:
            raise ValidationError(_("This declaration was already withdrawn."), code="stale")
        ExpertProfile.objects.filter(pk=profile.pk).update(updated_at=timezone.now())
        declaration.refresh_from_db()
        audit(
            actor,
            profile,
            "experts.conflict_withdrawn",
            before={"kind": declaration.kind, "name": declaration.name},
            withdrawn=declaration.name,
        )
    return declaration


__all__ = [
    "add_unavailability",
    "change_expert_status",
    "create_expert_profile",
    "declare_conflict",
    "live_cases_excluded_by",
    "update_expert_profile",
    "withdraw_conflict",
]
