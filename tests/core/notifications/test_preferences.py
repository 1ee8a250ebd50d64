"""Preferences: email on or off, digests instead of immediate emails, urgent notices that skip
the digest, and one-click unsubscribe from the email without logging in."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from oipa.core.notifications import tasks
from oipa.core.notifications.digests import period_before, send_digests
from oipa.core.notifications.models import (
    Category,
    Digest,
    Notification,
    NotificationPreference,
)
from oipa.core.notifications.preferences import (
    Choice,
    preference_for,
    set_preferences,
    unsubscribe_token,
)
from oipa.core.notifications.services import notify

pytestmark = pytest.mark.django_db
MONDAY = datetime(2026, 3, 2, 9, 0)


def render():
    return ("New alert", "A case names you")


def send(user, key="k", **kwargs):
    return notify(recipients=[user], event_key=key, render=render, url="/x/", **kwargs)


@pytest.fixture
def user(personas):
    return personas["chaoyang"]


def choose(user, **choice):
    set_preferences(actor=user, choices={"dispute_alert": Choice(**choice)})


def test_by_default_a_notice_is_emailed_at_once(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send(user, category="dispute_alert")
    assert len(mail.outbox) == 1
    assert preference_for(user, "dispute_alert") == Choice()


def test_with_email_off_the_notice_is_only_in_the_app(user, django_capture_on_commit_callbacks):
    choose(user, email=False)
    with django_capture_on_commit_callbacks(execute=True):
        [notice] = send(user, category="dispute_alert")
    assert mail.outbox == []
    assert notice.digest_cadence == ""
    assert send_digests("daily", on=date(2099, 1, 1)) == 0


def test_a_preference_concerns_its_category_only(user, django_capture_on_commit_callbacks):
    choose(user, email=False)
    with django_capture_on_commit_callbacks(execute=True):
        send(user)  # case_update, the default category
    assert len(mail.outbox) == 1


class TestDigests:
    def test_a_daily_digest_sends_nothing_at_once_and_gathers_the_day_next_morning(
        self, user, django_capture_on_commit_callbacks
    ):
        choose(user, cadence="daily")
        with time_machine.travel(MONDAY, tick=False):
            with django_capture_on_commit_callbacks(execute=True):
                send(user, "a", category="dispute_alert")
                send(user, "b", category="dispute_alert")
            assert mail.outbox == []
        with time_machine.travel(datetime(2026, 3, 3, 8, 0), tick=False):
            assert tasks.send_daily_digests() == 1
            assert tasks.send_daily_digests() == 0  # same period: sent once
        [email] = mail.outbox
        assert "2" in email.subject and email.body.count("New alert") == 2
        assert email.extra_headers["List-Unsubscribe"].startswith("<http")
        digest = Digest.objects.get()
        assert (digest.period, digest.items) == ("2026-03-02", 2)
        assert not Notification.objects.filter(emailed_at__isnull=True).exists()

    def test_an_empty_digest_is_not_sent(self, user):
        choose(user, cadence="daily")
        assert send_digests("daily", on=date(2026, 3, 3)) == 0
        assert mail.outbox == [] and not Digest.objects.exists()

    def test_todays_notices_wait_for_tomorrows_digest(self, user):
        choose(user, cadence="daily")
        with time_machine.travel(MONDAY, tick=False):
            send(user, category="dispute_alert")
            assert send_digests("daily") == 0

    def test_a_weekly_digest_covers_last_iso_week(self, user):
        choose(user, cadence="weekly")
        with time_machine.travel(datetime(2026, 3, 4, 9, 0), tick=False):
            send(user, category="dispute_alert")
        assert period_before("weekly", date(2026, 3, 9)).key == "2026-W10"
        assert send_digests("weekly", on=date(2026, 3, 9)) == 1
        assert send_digests("weekly", on=date(2026, 3, 10)) == 0

    def test_an_urgent_notice_skips_the_digest(self, user, django_capture_on_commit_callbacks):
        choose(user, cadence="weekly")
        with django_capture_on_commit_callbacks(execute=True):
            [notice] = send(user, category="dispute_alert", urgent=True)
        assert notice.digest_cadence == ""
        assert len(mail.outbox) == 1

    def test_unsubscribing_drops_waiting_digest_items(self, user):
        choose(user, cadence="daily")
        with time_machine.travel(MONDAY, tick=False):
            send(user, category="dispute_alert")
        choose(user, email=False, cadence="daily")
        assert send_digests("daily", on=date(2026, 3, 3)) == 0
        assert mail.outbox == []


class TestUnsubscribe:
    def email(self, user, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            send(user, category="dispute_alert")
        return mail.outbox[-1]

    def test_the_email_carries_a_one_click_unsubscribe(
        self, client, user, django_capture_on_commit_callbacks
    ):
        email = self.email(user, django_capture_on_commit_callbacks)
        link = email.extra_headers["List-Unsubscribe"].strip("<>")
        assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert link in email.body
        path = link.removeprefix("http://127.0.0.1:8000")
        page = client.get(path)  # not logged in
        assert page.status_code == 200
        assert not NotificationPreference.objects.exists()  # a GET (link scanners) changes nothing
        assert client.post(path).status_code == 200
        assert preference_for(user, "dispute_alert").email is False
        assert preference_for(user, "case_update").email is True

    def test_a_tampered_token_is_refused(self, client, user):
        token = unsubscribe_token(user, ["dispute_alert"])
        forged = signing.dumps({"u": user.pk + 1, "c": ["dispute_alert"]}, salt="other")
        for bad in (token[:-2] + "xx", forged):
            response = client.post(reverse("notifications:unsubscribe", args=[bad]))
            assert response.status_code == 404
        assert not NotificationPreference.objects.exists()


class TestPreferencesPage:
    def test_a_user_saves_their_choices(self, client, user):
        client.force_login(user)
        assert client.get(reverse("notifications:preferences")).status_code == 200
        data = {f"{c}_cadence": "immediately" for c in Category.values}
        data |= {"dispute_alert_cadence": "daily", "dispute_alert_email": "on"}
        data["case_update_email"] = "on"
        response = client.post(reverse("notifications:preferences"), data)
        assert response.status_code == 302
        assert preference_for(user, "dispute_alert") == Choice(True, False, "daily")
        assert preference_for(user, "incident").email is False

    def test_a_bad_cadence_is_refused(self, client, user):
        client.force_login(user)
        response = client.post(reverse("notifications:preferences"), {"incident_cadence": "x"})
        assert response.status_code == 400
        assert not NotificationPreference.objects.exists()

    def test_anonymous_visitors_are_sent_to_log_in(self, client):
        assert client.get(reverse("notifications:preferences")).status_code == 302


def test_a_digest_period_is_the_day_or_week_that_ended(settings):
    daily = period_before("daily", date(2026, 3, 3))
    assert daily.key == "2026-03-02"
    assert daily.ends_at == timezone.make_aware(datetime(2026, 3, 3))
    assert period_before("weekly", date(2026, 3, 4)).key == "2026-W09"
