"""Invariants of holiday schedules."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from oipa.core.calendar.models import DayKind, HolidaySchedule, ScheduleDay

pytestmark = pytest.mark.django_db


def test_a_schedule_day_must_lie_in_its_schedules_year(center_admin):
    schedule = HolidaySchedule.objects.create(year=2027, entered_by=center_admin)
    day = ScheduleDay(schedule=schedule, date=date(2028, 1, 1), kind=DayKind.HOLIDAY, name="元旦")
    with pytest.raises(ValidationError):
        day.full_clean()


def test_only_one_schedule_per_year_is_current(center_admin):
    HolidaySchedule.objects.create(year=2027, entered_by=center_admin)
    with pytest.raises(IntegrityError):
        HolidaySchedule.objects.create(year=2027, entered_by=center_admin)


def test_a_date_appears_once_per_schedule(center_admin):
    schedule = HolidaySchedule.objects.create(year=2027, entered_by=center_admin)
    ScheduleDay.objects.create(schedule=schedule, date=date(2027, 1, 1), kind=DayKind.HOLIDAY)
    with pytest.raises(IntegrityError):
        ScheduleDay.objects.create(
            schedule=schedule, date=date(2027, 1, 1), kind=DayKind.WORKING_DAY
        )
