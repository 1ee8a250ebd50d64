"""Bulletins marked for push notify subscribed enterprises by country or industry, once."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from oipa.core.notifications.models import Category, Notification
from oipa.core.taxonomy.models import Industry, Jurisdiction
from oipa.knowledge import push, services
from oipa.knowledge.builders import build_bulletin

pytestmark = pytest.mark.django_db


def _subscribe(user, jurisdictions=(), industries=()):
    services.subscribe_to_bulletins(
        actor=user,
        jurisdictions=list(Jurisdiction.objects.filter(code__in=jurisdictions)),
        industries=list(Industry.objects.filter(code__in=industries)),
    )


def test_matching_subscribers_are_notified_once(personas, editor, on_commit):
    _subscribe(personas["chaoyang"], jurisdictions=["US"])
    _subscribe(personas["haidian"], jurisdictions=["JP"], industries=["C"])
    with on_commit():
        bulletin = build_bulletin(
            actor=editor,
            title_en="New Schedule A wave",
            jurisdictions=("US",),
            industries=("F",),
            push_to_subscribers=True,
        )
    notices = Notification.objects.filter(category=Category.BULLETIN)
    assert [n.recipient for n in notices] == [personas["chaoyang"]]
    assert push.push_bulletin(bulletin.pk) == 0  # a retry sends nothing new
    bulletin.refresh_from_db()
    assert bulletin.pushed_at is not None


def test_an_empty_subscription_takes_every_pushed_bulletin(personas, editor, on_commit):
    _subscribe(personas["haidian"])
    with on_commit():
        build_bulletin(actor=editor, jurisdictions=("BR",), push_to_subscribers=True)
    assert Notification.objects.filter(recipient=personas["haidian"]).exists()


def test_bulletins_not_marked_for_push_notify_nobody(personas, editor, on_commit):
    _subscribe(personas["chaoyang"])
    with on_commit():
        build_bulletin(actor=editor, jurisdictions=("US",))
    assert not Notification.objects.filter(category=Category.BULLETIN).exists()


def test_only_enterprises_subscribe(personas):
    with pytest.raises(PermissionDenied):
        _subscribe(personas["staff"])
    with pytest.raises(PermissionDenied):
        services.unsubscribe_from_bulletins(actor=personas["expert"])


def test_unsubscribing_stops_pushes(personas, editor, on_commit):
    _subscribe(personas["chaoyang"])
    services.unsubscribe_from_bulletins(actor=personas["chaoyang"])
    with on_commit():
        build_bulletin(actor=editor, push_to_subscribers=True)
    assert not Notification.objects.filter(category=Category.BULLETIN).exists()
