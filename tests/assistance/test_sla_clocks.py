"""SLA clocks in Chinese working days: start, pause, resume, stop, across Spring Festival."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest
import time_machine

from oipa.assistance import services
from oipa.assistance.builders import build_application
from oipa.assistance.models import SlaClock

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: date):
    """Travel to 10:00 Beijing time on `day`."""
    return time_machine.travel(datetime(day.year, day.month, day.day, 10, tzinfo=SHANGHAI))


def nth_working_day_after(start: date, n: int) -> date:
    """Independent of the platform: straight from the chinese_calendar data."""
    day = start
    while n:
        day += timedelta(days=1)
        n -= chinese_calendar.is_workday(day)
    return day


def clock(application, kind="acceptance") -> SlaClock:
    return SlaClock.objects.get(application=application, kind=kind)


def test_spring_festival_2026_is_what_the_library_says():
    holidays = [date(2026, 2, d) for d in range(15, 24)]
    assert not any(chinese_calendar.is_workday(d) for d in holidays)
    assert chinese_calendar.is_workday(date(2026, 2, 14))  # adjusted working Saturday
    assert chinese_calendar.is_workday(date(2026, 2, 28))  # adjusted working Saturday


def test_the_acceptance_clock_counts_two_working_days_across_spring_festival(personas):
    friday = date(2026, 2, 13)
    with at(friday):
        application = build_application(actor=personas["chaoyang"])

    acceptance = clock(application)
    assert acceptance.started_on == friday
    assert acceptance.due_on == nth_working_day_after(friday, 2) == date(2026, 2, 24)
    assert acceptance.provisional is False


def test_a_request_for_information_pauses_and_the_answer_resumes_with_the_days_left(personas):
    staff, enterprise = personas["staff"], personas["chaoyang"]
    with at(date(2026, 3, 2)):  # Monday: due Wednesday 4 March
        application = build_application(actor=enterprise)
    with at(date(2026, 3, 3)):  # one working day used, one left
        services.request_more_information(actor=staff, application=application, request="补充")
    assert clock(application).paused_on == date(2026, 3, 3)
    with at(date(2026, 3, 9)):  # answered the next Monday
        services.answer_information_request(actor=enterprise, application=application, answer="a")

    resumed = clock(application)
    assert resumed.paused_on is None
    assert resumed.due_on == date(2026, 3, 10)


def test_a_request_across_spring_festival_resumes_after_the_holiday(personas):
    staff, enterprise = personas["staff"], personas["chaoyang"]
    with at(date(2026, 2, 13)):  # due 24 February
        application = build_application(actor=enterprise)
        services.request_more_information(actor=staff, application=application, request="补充")
    with at(date(2026, 2, 16)):  # answered during the holiday: two days left
        services.answer_information_request(actor=enterprise, application=application, answer="a")

    assert clock(application).due_on == nth_working_day_after(date(2026, 2, 16), 2)


def test_acceptance_stops_the_acceptance_clock_and_starts_the_assignment_clock(personas):
    with at(date(2026, 3, 2)):
        application = build_application(actor=personas["chaoyang"])
    with at(date(2026, 3, 3)):
        services.accept_application(actor=personas["staff"], application=application)

    acceptance, assignment = clock(application), clock(application, "assignment")
    assert (acceptance.stopped_on, acceptance.met) == (date(2026, 3, 3), True)
    assert assignment.started_on == date(2026, 3, 3)
    assert assignment.due_on == date(2026, 3, 6)  # 3 working days
    assert assignment.running


def test_assignment_starts_the_first_guidance_clock_which_guidance_stops(personas):
    staff, expert = personas["staff"], personas["expert"]
    with at(date(2026, 3, 2)):
        application = build_application(actor=personas["chaoyang"])
        services.accept_application(actor=staff, application=application)
    with at(date(2026, 3, 5)):
        services.assign_expert(actor=staff, application=application, expert=expert)
    first = clock(application, "first_guidance")
    assert clock(application, "assignment").stopped_on == date(2026, 3, 5)
    assert (first.started_on, first.due_on) == (date(2026, 3, 5), date(2026, 3, 12))
    with at(date(2026, 3, 13)):  # one working day late
        services.record_consultation(
            actor=expert, application=application, held_on=date(2026, 3, 13), summary="s"
        )

    assert clock(application, "first_guidance").met is False


def test_guidance_before_any_expert_leaves_no_first_guidance_clock_running(personas):
    staff = personas["staff"]
    with at(date(2026, 3, 2)):
        application = build_application(actor=personas["chaoyang"])
        services.accept_application(actor=staff, application=application)
        services.record_consultation(
            actor=staff, application=application, held_on=date(2026, 3, 2), summary="s"
        )
    with at(date(2026, 3, 3)):
        services.assign_expert(actor=staff, application=application, expert=personas["expert"])

    assert not SlaClock.objects.filter(
        application=application, stopped_on__isnull=True, paused_on__isnull=True
    ).exists()


def test_declining_while_waiting_for_the_enterprise_is_no_breach(personas):
    staff = personas["staff"]
    with at(date(2026, 3, 2)):
        application = build_application(actor=personas["chaoyang"])
    with at(date(2026, 3, 3)):
        services.request_more_information(actor=staff, application=application, request="补充")
    with at(date(2026, 3, 20)):
        services.decline_application(actor=staff, application=application, reason="未补正")

    assert clock(application).met is True


def test_a_clock_paused_after_its_due_date_stays_breached(personas):
    staff, enterprise = personas["staff"], personas["chaoyang"]
    with at(date(2026, 3, 2)):  # due 4 March
        application = build_application(actor=enterprise)
    with at(date(2026, 3, 6)):
        services.request_more_information(actor=staff, application=application, request="补充")
    with at(date(2026, 3, 9)):
        services.answer_information_request(actor=enterprise, application=application, answer="a")
        services.accept_application(actor=staff, application=application)

    assert clock(application).due_on == date(2026, 3, 4)
    assert clock(application).met is False


def test_reopening_a_declined_case_restarts_the_acceptance_clock(personas):
    staff = personas["staff"]
    with at(date(2026, 3, 2)):
        application = build_application(actor=personas["chaoyang"])
        services.decline_application(actor=staff, application=application, reason="r")
    with at(date(2026, 3, 9)):
        services.reopen_application(actor=staff, application=application, reason="r")

    restarted = clock(application)
    assert (restarted.started_on, restarted.due_on) == (date(2026, 3, 9), date(2026, 3, 11))
    assert restarted.running


def test_the_durations_follow_the_settings(personas, settings):
    settings.SLA_ACCEPTANCE_DAYS = 5
    with at(date(2026, 3, 2)):
        application = build_application(actor=personas["chaoyang"])

    assert clock(application).due_on == date(2026, 3, 9)
