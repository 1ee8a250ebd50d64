"""Notifications: once per recipient and event, emailed after commit, private to their owner."""

import pytest
from django.core import mail
from django.urls import reverse

from oipa.core.notifications.models import Notification
from oipa.core.notifications.services import notify, send_notification_email

pytestmark = pytest.mark.django_db


def render():
    return ("案件已受理", "请查看")


def test_it_notifies_each_recipient_once_per_event(personas, django_capture_on_commit_callbacks):
    people = [personas["chaoyang"], personas["haidian"], personas["chaoyang"]]
    with django_capture_on_commit_callbacks(execute=True):
        first = notify(recipients=people, event_key="case:1:accepted", render=render, url="/x/")
        again = notify(recipients=people, event_key="case:1:accepted", render=render, url="/x/")
    assert len(first) == 2
    assert again == []
    assert Notification.objects.count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [personas["chaoyang"].email, personas["haidian"].email]
    )
    assert "/x/" in mail.outbox[0].body


def test_an_email_is_sent_once_even_if_the_task_runs_twice(personas):
    [notice] = notify(recipients=[personas["chaoyang"]], event_key="k", render=render, email=False)
    assert send_notification_email(notice.pk) is True
    assert send_notification_email(notice.pk) is False
    assert len(mail.outbox) == 1


def test_it_skips_inactive_users(personas):
    personas["haidian"].is_active = False
    assert notify(recipients=[personas["haidian"]], event_key="k", render=render) == []


def test_the_list_shows_only_my_notifications(client, personas):
    notify(recipients=[personas["chaoyang"]], event_key="mine", render=render, email=False)
    notify(
        recipients=[personas["haidian"]],
        event_key="theirs",
        render=lambda: ("别人的", ""),
        email=False,
    )
    client.force_login(personas["chaoyang"])
    page = client.get(reverse("notifications:list"))
    assert [n.event_key for n in page.context["page"]] == ["mine"]


def test_opening_marks_read_and_follows_the_link(client, personas):
    [notice] = notify(
        recipients=[personas["chaoyang"]],
        event_key="k",
        render=render,
        url="/organizations/",
        email=False,
    )
    client.force_login(personas["chaoyang"])
    response = client.post(reverse("notifications:open", args=[notice.pk]))
    assert response["Location"] == "/organizations/"
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_nobody_opens_someone_elses_notification(client, personas):
    [notice] = notify(recipients=[personas["chaoyang"]], event_key="k", render=render, email=False)
    client.force_login(personas["haidian"])
    assert client.post(reverse("notifications:open", args=[notice.pk])).status_code == 404


def test_the_navigation_counts_unread_notifications(client, personas):
    notify(recipients=[personas["chaoyang"]], event_key="a", render=render, email=False)
    client.force_login(personas["chaoyang"])
    client.post(reverse("notifications:read_all"))
    assert not Notification.objects.unread().exists()


def test_it_writes_to_each_recipient_in_the_language_they_last_used(client, personas):
    from django.utils.translation import gettext_lazy

    client.force_login(personas["haidian"])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    client.get(reverse("home"))
    personas["haidian"].refresh_from_db()
    assert personas["haidian"].language == "en"
    people = [personas["haidian"], personas["chaoyang"]]
    notices = notify(
        recipients=people,
        event_key="lang",
        render=lambda: (gettext_lazy("Notifications"), ""),
        email=False,
    )
    subjects = {n.recipient.email: n.subject for n in notices}
    assert subjects[personas["haidian"].email] == "Notifications"
    assert subjects[personas["chaoyang"].email] == "通知"
