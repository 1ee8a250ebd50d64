"""Estimated response deadlines of alerted disputes, and their urgency in Chinese working days."""

from __future__ import annotations

from datetime import date

import pytest

from oipa.monitoring.deadlines import estimate_deadline, urgency
from oipa.monitoring.models import Dispute, Source, SourceKind
from oipa.monitoring.models_alerts import DeadlineRule

pytestmark = pytest.mark.django_db


def dispute(kind=SourceKind.PACER_RSS, **fields) -> Dispute:
    return Dispute(source=Source(kind=kind, slug="s", name="s"), **fields)


def test_a_us_answer_is_due_21_days_after_service_assumed_a_week_after_filing():
    estimate = estimate_deadline(dispute(filed_on=date(2026, 3, 2)))
    assert estimate.rule == DeadlineRule.US_ANSWER
    assert estimate.service_assumed_on == date(2026, 3, 9)
    assert estimate.deadline == date(2026, 3, 30)
    assert "21 days after service" in estimate.basis


def test_a_us_deadline_on_a_weekend_moves_to_monday():
    # Filed Saturday 03-07: service 03-14, the 21st day after is Saturday 04-04.
    estimate = estimate_deadline(dispute(filed_on=date(2026, 3, 7)))
    assert estimate.deadline == date(2026, 4, 6)  # 04-04 is a Saturday


def test_a_schedule_a_case_assumes_service_on_filing_and_two_weeks_for_the_tro():
    estimate = estimate_deadline(dispute(filed_on=date(2026, 3, 2), is_schedule_a=True))
    assert (estimate.rule, estimate.service_assumed_on) == (
        DeadlineRule.SCHEDULE_A,
        date(2026, 3, 2),
    )
    assert estimate.deadline == date(2026, 3, 16)


def test_an_itc_response_is_due_20_days_after_service_following_institution():
    from_complaint = estimate_deadline(dispute(SourceKind.ITC337, filed_on=date(2026, 3, 2)))
    assert from_complaint.rule == DeadlineRule.ITC_RESPONSE
    assert from_complaint.service_assumed_on == date(2026, 4, 1)
    assert from_complaint.deadline == date(2026, 4, 21)
    instituted = dispute(
        SourceKind.ITC337, filed_on=date(2026, 3, 2), raw={"instituted_on": "2026-03-20"}
    )
    assert estimate_deadline(instituted).deadline == date(2026, 4, 9)


def test_without_a_filing_date_there_is_no_estimate():
    estimate = estimate_deadline(dispute(filed_on=None))
    assert (estimate.deadline, estimate.rule) == (None, DeadlineRule.UNKNOWN)


def test_a_deadline_within_ten_working_days_is_urgent():
    # From Monday 2026-03-02: the 10th working day after is Monday 03-16, the 11th Tuesday 03-17.
    assert urgency(date(2026, 3, 16), on=date(2026, 3, 2)).urgent
    later = urgency(date(2026, 3, 17), on=date(2026, 3, 2))
    assert (later.urgent, later.days_left) == (False, 11)


def test_golden_week_holidays_do_not_count_as_working_days():
    # 2025-10-01..08 is the National Day holiday: from 09-30, 10-14 is only 5 working days away
    # (10-09, 10, 11 adjusted Saturday, 13, 14).
    assert urgency(date(2025, 10, 14), on=date(2025, 9, 30)).urgent


def test_a_passed_deadline_and_any_schedule_a_case_are_urgent():
    assert urgency(date(2026, 3, 1), on=date(2026, 3, 2)).urgent
    far = date(2026, 6, 1)
    assert urgency(far, rule=DeadlineRule.SCHEDULE_A, on=date(2026, 3, 2)).urgent
    assert not urgency(None, on=date(2026, 3, 2)).urgent
