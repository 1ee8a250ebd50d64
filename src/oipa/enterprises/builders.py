"""Builders of self-checks for tests and demo data (through the service)."""

from __future__ import annotations

from oipa.core.taxonomy.models import Industry

from . import questionnaire, services
from .models import SelfCheck


def answers(default: str = "yes", **overrides: str) -> dict[str, str]:
    """An answer for every question of the current version."""
    return {key: overrides.get(key, default) for key in questionnaire.question_keys()}


def build_self_check(*, actor, industry_code: str = "C", **answer_overrides) -> SelfCheck:
    industry = Industry.objects.get(code=industry_code)
    return services.submit_self_check(
        actor=actor, industry=industry, answers=answers(**answer_overrides)
    )


def build_past_self_check(*, actor, year: int, industry_code: str = "C", **overrides) -> SelfCheck:
    """A self-check of an earlier year, for demo trends (the service only writes this year's).
    Scored by the same questionnaire; created directly, as test-data builders may."""
    organization = actor.membership.organization
    given = answers(**overrides)
    result = questionnaire.score(given)
    check, _created = SelfCheck.objects.get_or_create(
        organization=organization,
        year=year,
        defaults={
            "version": questionnaire.CURRENT_VERSION,
            "industry": Industry.objects.get(code=industry_code),
            "district": organization.district,
            "answers": given,
            "section_scores": result.by_section,
            "total_score": result.total,
            "submitted_by": actor,
        },
    )
    return check
