"""Alerts take the response periods and the country guide from the published country profiles
(`oipa.knowledge.facts`); where a profile states no period, the deadline is "unknown"."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from oipa.knowledge.models import CountryProfile, DeadlineFact, EditorialStatus
from oipa.monitoring.deadlines import describe, estimate_deadline
from oipa.monitoring.models import Dispute, Source, SourceKind
from oipa.monitoring.models_alerts import Alert, DeadlineRule
from oipa.monitoring.services_alerts import render_alert

pytestmark = pytest.mark.django_db


def dispute(**fields) -> Dispute:
    source, _created = Source.objects.get_or_create(
        slug="staff-upload", defaults={"kind": SourceKind.SPREADSHEET, "name": "Staff"}
    )
    fields.setdefault("external_id", "d-1")
    return Dispute.objects.create(source=source, **fields)


def test_a_changed_period_in_the_published_profile_changes_the_estimate():
    DeadlineFact.objects.filter(profile__jurisdiction__code="US", event="answer").update(amount=30)
    estimate = estimate_deadline(dispute(filed_on=date(2026, 3, 2), jurisdiction="US"))
    assert estimate.deadline == date(2026, 4, 8)  # service 03-09 + 30 days
    assert describe(estimate.rule) == "Answer to a civil complaint: 30 days after service"


def test_an_unpublished_profile_gives_no_estimate_rather_than_a_guess():
    CountryProfile.objects.filter(jurisdiction__code="US").update(status=EditorialStatus.DRAFT)
    estimate = estimate_deadline(dispute(filed_on=date(2026, 3, 2)))
    assert (estimate.deadline, estimate.rule) == (None, DeadlineRule.NO_RULE)
    assert describe(DeadlineRule.US_ANSWER) == "Answer to a civil complaint: period unknown"


def test_a_court_without_a_profile_period_has_an_unknown_deadline():
    estimate = estimate_deadline(dispute(filed_on=date(2026, 3, 2), jurisdiction="DE"))
    assert (estimate.deadline, estimate.rule, estimate.jurisdiction) == (
        None,
        DeadlineRule.NO_RULE,
        "DE",
    )


def test_a_customs_seizure_has_no_answer_period():
    estimate = estimate_deadline(dispute(filed_on=date(2026, 3, 2), dispute_type="customs_seizure"))
    assert (estimate.deadline, estimate.rule) == (None, DeadlineRule.NO_RULE)


def test_the_alert_names_the_period_and_links_the_published_country_guide(personas):
    profile = CountryProfile.objects.get(jurisdiction__code="US")
    case = dispute(filed_on=date(2026, 3, 2), forum="N.D. Illinois", case_number="1:26-cv-1")
    alert = Alert.objects.create(
        dispute=case,
        organization=personas["chaoyang"].organization,
        deadline=date(2026, 3, 30),
        deadline_rule=DeadlineRule.US_ANSWER,
    )
    _subject, body = render_alert(alert)
    assert "Answer to a civil complaint: 21 days after service" in body
    guide = reverse("knowledge:profile_detail", kwargs={"code": profile.code})
    assert f"Country guide: {guide}" in body


def test_without_a_published_profile_the_alert_shows_no_guide_and_an_unknown_deadline(personas):
    CountryProfile.objects.filter(jurisdiction__code="US").update(status=EditorialStatus.DRAFT)
    case = dispute(filed_on=date(2026, 3, 2), forum="N.D. Illinois")
    alert = Alert.objects.create(
        dispute=case,
        organization=personas["chaoyang"].organization,
        deadline_rule=DeadlineRule.NO_RULE,
    )
    _subject, body = render_alert(alert)
    assert "Country guide" not in body
    assert "Response deadline: unknown (No estimate: no published rule" in body
