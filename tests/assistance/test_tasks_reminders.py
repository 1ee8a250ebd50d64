"""The daily reminder of SLA clocks about to breach."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from oipa.assistance import services
from oipa.assistance.builders import build_application
from oipa.assistance.tasks import remind_clocks_due
from oipa.core.notifications.models import Notification

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: date):
    return time_machine.travel(datetime(day.year, day.month, day.day, 8, tzinfo=SHANGHAI))


def reminders():
    return Notification.objects.filter(event_key__contains=":sla-")


@pytest.fixture
def accepted_on_monday(personas):
    """Accepted on Monday 2 March 2026 with staff as officer: experts due Thursday 5 March."""
    with at(date(2026, 3, 2)):
        application = build_application(actor=personas["chaoyang"])
        services.accept_application(actor=personas["staff"], application=application)
    return application


def test_it_reminds_the_case_officer_once_however_often_it_runs(personas, accepted_on_monday):
    with at(date(2026, 3, 4)):  # the clock is due the next working day
        first = remind_clocks_due()
        second = remind_clocks_due()

    assert (first, second) == (1, 0)
    notice = reminders().get()
    assert notice.recipient == personas["staff"]
    assert "2026-03-05" in notice.body


def test_it_stays_silent_while_no_clock_is_near_its_due_date(accepted_on_monday):
    with at(date(2026, 3, 3)):
        assert remind_clocks_due() == 0

    assert not reminders().exists()


def test_it_reminds_again_the_next_day_when_the_clock_is_overdue(personas, accepted_on_monday):
    with at(date(2026, 3, 5)):
        remind_clocks_due()
    with at(date(2026, 3, 6)):
        remind_clocks_due()
        remind_clocks_due()

    assert reminders().filter(recipient=personas["staff"]).count() == 2
    assert reminders().order_by("created_at").last().subject.endswith("服务时限已过")


def test_without_a_case_officer_every_center_staff_member_is_reminded(personas):
    with at(date(2026, 3, 2)):  # acceptance due Wednesday 4 March
        build_application(actor=personas["chaoyang"])
    with at(date(2026, 3, 3)):
        remind_clocks_due()
        remind_clocks_due()

    people = sorted(n.recipient.email.split("@")[0] for n in reminders())
    assert people == ["admin", "staff"]


def test_paused_and_stopped_clocks_are_not_reminded(personas):
    with at(date(2026, 3, 2)):
        paused = build_application(actor=personas["chaoyang"])
        services.request_more_information(actor=personas["staff"], application=paused, request="r")
        stopped = build_application(actor=personas["haidian"])
        services.decline_application(actor=personas["staff"], application=stopped, reason="r")
    with at(date(2026, 3, 10)):
        assert remind_clocks_due() == 0
