"""Notifications of case events: once per recipient and event, emailed after commit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oipa.assistance import services
from oipa.assistance.services._common import enterprise_contacts, notify_event
from oipa.core.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_notifying_an_event_twice_tells_each_recipient_once(personas, submitted):
    application = services.accept_application(actor=personas["staff"], application=submitted)

    for _ in range(2):
        notify_event(application, "accepted", enterprise_contacts(application), "Your application")

    assert Notification.objects.filter(recipient=personas["chaoyang"]).count() == 1


def test_the_email_goes_out_after_commit_with_a_link_to_the_case(
    personas, submitted, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://oipa.example.cn"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.accept_application(actor=personas["staff"], application=submitted)
    assert mailoutbox == []

    for callback in callbacks:
        callback()

    [email] = mailoutbox
    assert email.to == [personas["chaoyang"].email]
    link = "https://oipa.example.cn" + reverse(
        "assistance:application_detail", args=[submitted.code]
    )
    assert link in email.body
    assert submitted.number in email.subject


def test_running_the_email_callbacks_twice_sends_one_email(
    personas, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.accept_application(actor=personas["staff"], application=submitted)
    for callback in callbacks:
        callback()

    assert len(mailoutbox) == 1


def test_the_actor_is_not_told_about_their_own_action(personas, accepted):
    services.post_message(actor=personas["staff"], application=accepted, body="请补充证据")
    services.post_message(actor=personas["chaoyang"], application=accepted, body="好的")

    messages = Notification.objects.filter(event_key__contains=":message-")
    staff_notices = messages.filter(recipient=personas["staff"])
    chaoyang_notices = messages.filter(recipient=personas["chaoyang"])
    assert [n.body for n in staff_notices] == ["好的"]
    assert [n.body for n in chaoyang_notices] == ["请补充证据"]


def test_a_request_for_information_is_one_notification_not_two(personas, submitted):
    services.request_more_information(
        actor=personas["staff"], application=submitted, request="请补充起诉状"
    )

    notices = Notification.objects.filter(recipient=personas["chaoyang"])
    assert notices.count() == 1
    assert submitted.messages.get().body == "请补充起诉状"


def test_accepting_for_another_officer_tells_that_officer(personas, submitted, other_staff):
    services.accept_application(
        actor=personas["admin"], application=submitted, case_officer=other_staff
    )

    assert Notification.objects.filter(recipient=other_staff).count() == 1
    assert not Notification.objects.filter(recipient=personas["admin"]).exclude(
        event_key__contains=":submitted:"
    )
