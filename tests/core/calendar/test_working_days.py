"""Working days across real holiday periods, unknown years and entered schedules."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest
from django.utils import translation

from oipa.core.calendar.models import DayKind
from oipa.core.calendar.working_days import (
    DayStatus,
    WorkingCount,
    WorkingDate,
    add_working_days,
    count_working_days,
    is_working_day,
    year_entries,
    year_source,
)

pytestmark = pytest.mark.django_db


class TestSpringFestival2026:
    def test_the_library_agrees_with_the_dates_these_tests_assume(self):
        assert not any(chinese_calendar.is_workday(date(2026, 2, d)) for d in range(15, 24))
        assert chinese_calendar.is_workday(date(2026, 2, 14))
        assert chinese_calendar.is_workday(date(2026, 2, 28))

    def test_it_counts_the_adjusted_working_saturday_before_the_festival(self):
        with translation.override("en"):
            assert is_working_day(date(2026, 2, 14)) == DayStatus(True, False, "Spring Festival")
        assert add_working_days(date(2026, 2, 13), 1) == WorkingDate(date(2026, 2, 14), False)

    def test_it_skips_the_whole_holiday(self):
        assert add_working_days(date(2026, 2, 14), 1) == WorkingDate(date(2026, 2, 24), False)

    def test_it_counts_the_adjusted_working_saturday_after_the_festival(self):
        # Feb 14 (Sat), Feb 24, 25, 26, 27 and Feb 28 (Sat).
        assert count_working_days(date(2026, 2, 13), date(2026, 2, 28)) == WorkingCount(6, False)

    def test_a_holiday_day_names_its_festival(self):
        with translation.override("en"):
            status = is_working_day(date(2026, 2, 17))
        assert status == DayStatus(False, False, "Spring Festival")


class TestNationalDay2026:
    def test_a_deadline_due_on_the_eve_of_national_day_moves_past_the_golden_week(self):
        assert add_working_days(date(2026, 9, 30), 1) == WorkingDate(date(2026, 10, 8), False)

    def test_it_counts_the_adjusted_working_saturday_after_the_holiday(self):
        assert is_working_day(date(2026, 10, 10)).working
        assert count_working_days(date(2026, 9, 30), date(2026, 10, 10)) == WorkingCount(3, False)

    def test_ten_working_days_from_late_september(self):
        # Sep 28, 29, 30, Oct 8, 9, 10 (Sat), 12, 13, 14, 15.
        assert add_working_days(date(2026, 9, 25), 10) == WorkingDate(date(2026, 10, 15), False)


class TestYearBoundary:
    def test_counting_starts_the_day_after_and_skips_new_years_day(self):
        # Jan 1–3 2026 are New Year's Day holidays; Sunday Jan 4 is an adjusted working day.
        assert add_working_days(date(2025, 12, 31), 1) == WorkingDate(date(2026, 1, 4), False)
        assert add_working_days(date(2025, 12, 31), 2) == WorkingDate(date(2026, 1, 5), False)

    def test_it_counts_working_days_across_the_boundary(self):
        assert count_working_days(date(2025, 12, 31), date(2026, 1, 5)) == WorkingCount(2, False)

    def test_zero_days_from_a_holiday_gives_the_next_working_day(self):
        assert add_working_days(date(2026, 1, 1), 0) == WorkingDate(date(2026, 1, 4), False)

    def test_zero_days_from_a_working_day_gives_that_day(self):
        assert add_working_days(date(2025, 12, 31), 0) == WorkingDate(date(2025, 12, 31), False)


class TestYearWithoutSchedule:
    def test_2027_is_weekends_only(self):
        assert year_source(2027) == "weekends"
        assert is_working_day(date(2027, 1, 1)) == DayStatus(True, True, "")
        assert is_working_day(date(2027, 1, 2)) == DayStatus(False, True, "")

    def test_a_deadline_reaching_into_2027_is_provisional(self):
        # Dec 31 2026, then Jan 1, 4, 5, 6 2027 counted as plain weekdays.
        assert add_working_days(date(2026, 12, 30), 5) == WorkingDate(date(2027, 1, 6), True)

    def test_a_deadline_within_a_known_year_is_not_provisional(self):
        assert not add_working_days(date(2026, 12, 1), 20).provisional

    def test_a_count_touching_2027_is_provisional(self):
        assert count_working_days(date(2026, 12, 31), date(2027, 1, 8)) == WorkingCount(6, True)

    def test_years_before_the_library_are_weekends_only_too(self):
        assert year_source(2003) == "weekends"
        assert year_entries(2003) == []


class TestEnteredSchedule:
    def test_an_entered_2027_schedule_takes_precedence_and_is_not_provisional(self, publish):
        publish(2027)
        assert year_source(2027) == "entered"
        assert is_working_day(date(2027, 2, 8)) == DayStatus(False, False, "春节")
        assert is_working_day(date(2027, 2, 14)) == DayStatus(True, False, "春节")
        assert add_working_days(date(2027, 2, 5), 1) == WorkingDate(date(2027, 2, 14), False)

    def test_a_deadline_computed_before_publishing_changes_after_it(self, publish):
        assert add_working_days(date(2027, 2, 5), 1) == WorkingDate(date(2027, 2, 8), True)
        publish(2027)
        assert add_working_days(date(2027, 2, 5), 1) == WorkingDate(date(2027, 2, 14), False)

    def test_an_entered_2026_schedule_overrides_the_library(self, publish):
        publish(2026, holidays=[(date(2026, 10, d), "国庆节") for d in (1, 2, 3)], adjusted=[])
        assert year_source(2026) == "entered"
        assert is_working_day(date(2026, 10, 5)).working
        assert not is_working_day(date(2026, 10, 10)).working
        assert is_working_day(date(2026, 2, 16)) == DayStatus(True, False, "")

    def test_year_entries_list_the_entered_days_by_date(self, publish):
        publish(2027)
        entries = year_entries(2027)
        assert [e.date for e in entries] == sorted(e.date for e in entries)
        assert [e.kind for e in entries].count(DayKind.WORKING_DAY) == 2


class TestCaching:
    def test_counting_a_year_of_working_days_costs_one_query_per_year(
        self, django_assert_num_queries
    ):
        with django_assert_num_queries(2):
            count = count_working_days(date(2026, 6, 1), date(2027, 6, 1))
        assert count.days > 240
        with django_assert_num_queries(0):
            assert add_working_days(date(2026, 6, 1), 250).provisional


class TestInputs:
    def test_negative_days_are_refused(self):
        with pytest.raises(ValueError):
            add_working_days(date(2026, 3, 2), -1)

    def test_a_count_backwards_is_zero(self):
        assert count_working_days(date(2026, 3, 10), date(2026, 3, 2)) == WorkingCount(0, False)

    def test_an_aware_datetime_counts_as_its_beijing_date(self):
        # 17:00 UTC on Feb 13 is already Saturday Feb 14 in Beijing.
        moment = datetime(2026, 2, 13, 17, 0, tzinfo=ZoneInfo("UTC"))
        assert add_working_days(moment, 0) == WorkingDate(date(2026, 2, 14), False)

    def test_library_year_entries_show_holidays_and_adjusted_days(self):
        entries = {e.date: e.kind for e in year_entries(2026)}
        assert entries[date(2026, 2, 14)] == DayKind.WORKING_DAY
        assert entries[date(2026, 10, 1)] == DayKind.HOLIDAY
        assert date(2026, 3, 7) not in entries  # an ordinary Saturday
