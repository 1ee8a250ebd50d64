"""The deadline facts monitoring and watch use come from the published country profiles."""

from __future__ import annotations

import datetime

import pytest

from oipa.knowledge import facts, services
from oipa.knowledge.facts import DeadlineRule, compute_deadline
from oipa.knowledge.models import CountryProfile

pytestmark = pytest.mark.django_db


def test_shipped_profiles_carry_the_contract_facts():
    expected = {
        ("US", "opposition"): (30, "days", "publication"),
        ("US", "answer"): (21, "days", "service"),
        ("US", "itc_response"): (20, "days", "service"),
        ("US", "tro_hearing"): (14, "days", "filing"),
        ("EU", "opposition"): (3, "months", "publication"),
        ("GB", "opposition"): (2, "months", "publication"),
        ("JP", "opposition"): (2, "months", "publication"),
        ("KR", "opposition"): (2, "months", "publication"),
        ("IN", "opposition"): (4, "months", "publication"),
    }
    for (code, event), (amount, unit, start) in expected.items():
        rule = facts.deadline_rule(code, event)
        assert rule is not None, (code, event)
        assert (rule.amount, rule.unit, rule.starts_from) == (amount, unit, start)
        assert rule.source_url.startswith("https://")


def test_extension_text_follows_the_active_language():
    from django.utils import translation

    with translation.override("en"):
        assert "180 days" in facts.deadline_rule("US", "opposition").extension
        assert "1 month" in facts.deadline_rule("GB", "opposition").extension


def test_a_draft_profile_gives_no_rule_and_no_guide(editor):
    profile = CountryProfile.objects.get(jurisdiction__code="GB")
    services.return_to_draft(actor=editor, item=profile)
    assert facts.deadline_rule("GB", "opposition") is None
    assert facts.country_guide_url("GB") == ""


def test_a_corrected_fact_applies_once_published(editor):
    profile = CountryProfile.objects.get(jurisdiction__code="KR")
    services.return_to_draft(actor=editor, item=profile)
    profile.refresh_from_db()
    services.set_deadline_facts(
        actor=editor,
        profile=profile,
        facts=[
            {
                "event": "opposition",
                "amount": 3,
                "unit": "months",
                "starts_from": "publication",
                "source_url": "https://www.kipo.go.kr/en/",
            }
        ],
    )
    profile.refresh_from_db()
    services.submit_for_review(actor=editor, item=profile)
    profile.refresh_from_db()
    services.publish_item(actor=editor, item=profile)
    assert facts.deadline_rule("KR", "opposition").amount == 3
    assert facts.deadline_rule("KR", "answer") is None


def test_unknown_jurisdiction_or_event_gives_none():
    assert facts.deadline_rule("ZZ", "opposition") is None
    assert facts.deadline_rule("US", "nonsense") is None
    assert facts.deadline_rule("", "") is None


def test_country_guide_url_points_to_the_published_profile(client):
    url = facts.country_guide_url("us")
    assert url.startswith("/knowledge/profiles/")
    assert client.get(url).status_code == 200
    assert facts.country_guide_url("ZZ") == ""


def _rule(amount: int, unit: str) -> DeadlineRule:
    return DeadlineRule("EU", "opposition", amount, unit, "publication", "", "https://x.example")


def test_months_clamp_to_the_end_of_the_month():
    # 30 Nov 2025 + 3 months = 28 Feb 2026, a Saturday → Monday 2 March
    assert compute_deadline(_rule(3, "months"), datetime.date(2025, 11, 30)) == datetime.date(
        2026, 3, 2
    )
    assert compute_deadline(_rule(1, "months"), datetime.date(2024, 1, 31)) == datetime.date(
        2024, 2, 29
    )


def test_days_are_calendar_days_and_weekends_move_to_monday():
    # 2 Jan 2026 (Friday) + 30 days = 1 Feb 2026 (Sunday) → 2 Feb
    assert compute_deadline(_rule(30, "days"), datetime.date(2026, 1, 2)) == datetime.date(
        2026, 2, 2
    )
    # Chinese holidays do not count: 1 Oct 2026 is a weekday abroad
    assert compute_deadline(_rule(21, "days"), datetime.date(2026, 9, 10)) == datetime.date(
        2026, 10, 1
    )


def test_the_loader_is_idempotent_and_restores_flushed_profiles():
    from oipa.knowledge.content.loader import load_country_profiles

    assert load_country_profiles() == 0
    CountryProfile.objects.filter(jurisdiction__code="JP").delete()
    assert load_country_profiles() == 1
    assert facts.deadline_rule("JP", "opposition").amount == 2
