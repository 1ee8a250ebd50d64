"""Builders of experts, their conflicts and invitations for tests and demo data (through the
services, so what tests and the demo hold is what the platform would have stored)."""

from __future__ import annotations

from datetime import date

from oipa.accounts.builders import build_member, build_organization
from oipa.accounts.models import Organization, OrgKind, Role

from . import services
from .models import ExpertProfile


def expert_home(name: str = "北京华夏涉外知识产权代理有限公司") -> Organization:
    """The service institution experts belong to unless another organization is given."""
    return build_organization(kind=OrgKind.SERVICE_INSTITUTION, name=name, division_code="110101")


def build_expert(
    *,
    actor,
    email: str,
    full_name: str,
    category: str = "ip_attorney",
    organization: Organization | None = None,
    password: str | None = None,
    conflicts: list[tuple[str, str]] = (),  # type: ignore[assignment]
    unavailable: list[tuple[date, date]] = (),  # type: ignore[assignment]
    **fields,
) -> ExpertProfile:
    """An expert account with a profile (created by `actor`, Center staff); calling it again
    with the same email returns the existing profile unchanged."""
    user = build_member(
        organization=organization or expert_home(),
        role=Role.EXPERT,
        email=email,
        password=password,
        full_name=full_name,
    )
    existing = ExpertProfile.objects.filter(user=user).first()
    if existing is not None:
        return existing
    profile = services.create_expert_profile(actor=actor, user=user, category=category, **fields)
    for kind, name in conflicts:
        services.declare_conflict(actor=actor, profile=profile, kind=kind, name=name)
    for starts_on, ends_on in unavailable:
        services.add_unavailability(
            actor=actor, profile=profile, starts_on=starts_on, ends_on=ends_on
        )
    return profile


def patent_expert_fields(**overrides) -> dict:
    """A US wireless-patent litigator, the natural match of assistance's default draft."""
    fields = {
        "ip_types": ["patent"],
        "dispute_types": ["litigation", "itc_337"],
        "jurisdictions": ["US"],
        "ipc_entries": ["H04W"],
        "languages": ["zh", "en"],
        "years_of_experience": 12,
        "max_concurrent_cases": 3,
    }
    fields.update(overrides)
    return fields
