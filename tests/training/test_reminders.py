"""The reminder run: once per registration, however often or however concurrently it runs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from oipa.core.models import TaskRun
from oipa.core.notifications.models import Notification
from oipa.training import services, tasks
from oipa.training.builders import build_event, build_registration
from oipa.training.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def tomorrow(personas):
    return build_event(actor=personas["staff"], starts_at=timezone.now() + timedelta(hours=20))


def reminders():
    return Notification.objects.filter(event_key__endswith=":reminder")


def test_confirmed_registrations_are_reminded_the_day_before(personas, tomorrow, event):
    build_registration(actor=personas["chaoyang"], event=tomorrow)
    build_registration(actor=personas["haidian"], event=event)  # next week: not yet

    assert tasks.send_event_reminders() == 1

    assert list(reminders().values_list("recipient", flat=True)) == [personas["chaoyang"].pk]
    run = TaskRun.objects.get(task="training.send_event_reminders")
    assert run.counts == {"reminded": 1} and run.status == TaskRun.Status.SUCCEEDED


def test_running_the_reminders_twice_reminds_nobody_twice(personas, tomorrow):
    build_registration(actor=personas["chaoyang"], event=tomorrow)

    tasks.send_event_reminders()
    assert tasks.send_event_reminders() == 0

    assert reminders().count() == 1
    assert TaskRun.objects.filter(task="training.send_event_reminders").count() == 2


def test_a_reminder_already_claimed_by_another_worker_is_skipped(personas, tomorrow):
    registration = build_registration(actor=personas["chaoyang"], event=tomorrow)
    Registration.objects.filter(pk=registration.pk).update(reminded_at=timezone.now())

    assert services.send_due_reminders() == 0
    assert not reminders().exists()


def test_waiting_list_and_cancelled_events_are_not_reminded(personas):
    soon = build_event(
        actor=personas["staff"], capacity=1, starts_at=timezone.now() + timedelta(hours=3)
    )
    build_registration(actor=personas["chaoyang"], event=soon)
    build_registration(actor=personas["haidian"], event=soon)  # waiting
    cancelled = build_event(actor=personas["staff"], starts_at=timezone.now() + timedelta(hours=5))
    build_registration(actor=personas["tianjin"], event=cancelled)
    services.cancel_event(actor=personas["staff"], event=cancelled, reason="天气")

    assert services.send_due_reminders() == 1
    assert list(reminders().values_list("recipient", flat=True)) == [personas["chaoyang"].pk]
