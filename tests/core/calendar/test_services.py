"""Publishing a year's official holiday schedule."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from oipa.core.audit.models import AuditEvent
from oipa.core.calendar.models import DayKind, HolidaySchedule
from oipa.core.calendar.services import publish_holiday_schedule
from oipa.core.calendar.working_days import is_working_day, year_source

from .conftest import ADJUSTED_2027, SPRING_FESTIVAL_2027

pytestmark = pytest.mark.django_db


def _publish_as(actor, **overrides):
    arguments = {
        "year": 2027,
        "holidays": SPRING_FESTIVAL_2027,
        "working_days": ADJUSTED_2027,
        "notice": "国办发明电〔2026〕7号",
    }
    return publish_holiday_schedule(actor=actor, **(arguments | overrides))


class TestPublishing:
    def test_it_stores_the_holidays_and_adjusted_working_days(self, publish):
        schedule = publish(2027, notice=" 国办发明电〔2026〕7号 ")
        assert schedule.is_current
        assert schedule.notice == "国办发明电〔2026〕7号"
        kinds = list(schedule.days.values_list("kind", flat=True))
        assert kinds.count(DayKind.HOLIDAY) == 7
        assert kinds.count(DayKind.WORKING_DAY) == 2

    def test_a_reentered_year_supersedes_and_keeps_the_old_schedule(self, publish):
        first = publish(2027)
        second = publish(2027, holidays=[(date(2027, 1, 1), "元旦")], adjusted=[])
        first.refresh_from_db()
        assert first.superseded_at is not None
        assert second.is_current
        assert HolidaySchedule.objects.filter(year=2027).count() == 2
        assert first.days.count() == 9
        assert is_working_day(date(2027, 2, 8)).working
        assert not is_working_day(date(2027, 1, 1)).working

    def test_publishing_clears_the_cached_year_on_commit(self, publish):
        assert year_source(2027) == "weekends"
        publish(2027)
        assert year_source(2027) == "entered"

    def test_it_records_an_audit_event_with_before_and_after(self, publish, center_admin):
        first = publish(2027)
        second = publish(2027, holidays=[(date(2027, 1, 1), "元旦")], adjusted=[])
        events = list(
            AuditEvent.objects.filter(action="calendar.schedule_published").order_by("seq")
        )
        assert [e.target_id for e in events] == [str(first.pk), str(second.pk)]
        assert all(e.actor == center_admin for e in events)
        assert events[0].before is None
        assert events[1].before["holidays"][0] == "2027-02-06 春节"
        assert events[1].after == {
            "year": 2027,
            "notice": "",
            "holidays": ["2027-01-01 元旦"],
            "working_days": [],
        }


class TestPermissions:
    @pytest.mark.parametrize(
        "persona", ["center_staff", "auditor", "enterprise_admin", "user_without_membership"]
    )
    def test_only_center_admins_may_publish(self, persona, request):
        with pytest.raises(PermissionDenied):
            _publish_as(request.getfixturevalue(persona))
        assert not HolidaySchedule.objects.exists()


class TestValidation:
    def _messages(self, error: ValidationError) -> str:
        return " ".join(error.messages)

    def test_it_refuses_a_date_outside_the_year(self, center_admin):
        with pytest.raises(ValidationError) as caught:
            _publish_as(center_admin, holidays=[(date(2026, 12, 31), "元旦")])
        assert "2026-12-31" in self._messages(caught.value)

    def test_it_refuses_a_date_that_is_both_holiday_and_working_day(self, center_admin):
        with pytest.raises(ValidationError) as caught:
            _publish_as(center_admin, working_days=[(date(2027, 2, 6), "春节")])
        assert "2027-02-06" in self._messages(caught.value)

    def test_it_refuses_a_weekday_as_adjusted_working_day(self, center_admin):
        with pytest.raises(ValidationError) as caught:
            _publish_as(center_admin, working_days=[(date(2027, 2, 15), "春节")])
        assert "2027-02-15" in self._messages(caught.value)

    def test_it_refuses_a_schedule_without_holidays(self, center_admin):
        with pytest.raises(ValidationError):
            _publish_as(center_admin, holidays=[])

    def test_it_refuses_a_year_out_of_range(self, center_admin):
        with pytest.raises(ValidationError):
            _publish_as(center_admin, year=1999, holidays=[(date(1999, 1, 1), "元旦")])

    def test_a_refused_schedule_leaves_the_current_one_in_place(self, publish, center_admin):
        publish(2027)
        with pytest.raises(ValidationError):
            _publish_as(center_admin, holidays=[(date(2028, 1, 1), "元旦")])
        assert HolidaySchedule.objects.get(year=2027).is_current
