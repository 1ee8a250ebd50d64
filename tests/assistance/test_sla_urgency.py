"""Urgency of a response deadline in working days, and the filter ranges that match it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from oipa.assistance.sla import deadline_range_for, urgency_of

pytestmark = pytest.mark.django_db  # entered holiday schedules come first
LEVELS = ["overdue", "urgent", "high", "normal"]


def test_a_tro_hearing_in_four_days_is_urgent():
    today = timezone.localdate()

    assert urgency_of(today + timedelta(days=4)).level == "urgent"


def test_an_opposition_due_in_two_months_is_normal():
    today = timezone.localdate()

    assert urgency_of(today + timedelta(days=61)).level == "normal"


def test_a_passed_deadline_is_overdue_and_none_has_no_urgency():
    today = timezone.localdate()

    assert urgency_of(today - timedelta(days=1)).level == "overdue"
    assert urgency_of(None).level == "none"
    assert urgency_of(None).label


def test_urgency_counts_working_days_not_calendar_days():
    before_spring_festival = date(2026, 2, 12)  # Thursday
    # Nine calendar days later, but only two working days (13th and the working Saturday 14th).
    urgency = urgency_of(date(2026, 2, 21), on=before_spring_festival)

    assert (urgency.level, urgency.working_days_left) == ("urgent", 2)
    assert urgency_of(date(2026, 3, 10), on=before_spring_festival).level == "high"


def _in_range(day: date, bounds: tuple[date | None, date | None]) -> bool:
    low, high = bounds
    return (low is None or low <= day) and (high is None or day <= high)


@pytest.mark.parametrize(
    "on",
    [date(2026, 2, 10), date(2026, 9, 28), date(2026, 12, 20)],
    ids=["spring-festival", "national-day", "new-year"],
)
def test_the_filter_ranges_agree_with_urgency_for_every_day_of_sixty(on):
    for offset in range(-3, 61):
        day = on + timedelta(days=offset)
        level = urgency_of(day, on=on).level
        matching = [name for name in LEVELS if _in_range(day, deadline_range_for(name, on=on))]
        assert matching == [level], (day, level, matching)


def test_the_filter_ranges_agree_with_urgency_from_today():
    today = timezone.localdate()
    for offset in range(61):
        day = today + timedelta(days=offset)
        level = urgency_of(day).level
        assert _in_range(day, deadline_range_for(level)), (day, level)


def test_an_unknown_level_filters_nothing():
    assert deadline_range_for("none") == (None, None)
