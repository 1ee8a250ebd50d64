"""The demo builds published knowledge content once and makes it searchable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oipa.core.notifications.models import Category, Notification
from oipa.knowledge.demo import build_demo
from oipa.knowledge.models import Guide, TypicalCase
from oipa.knowledge.search.query import search

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_searchable(client, personas, django_capture_on_commit_callbacks):
    people = personas
    with django_capture_on_commit_callbacks(execute=True):
        assert build_demo(people) == 5
    assert build_demo(people) == 0
    assert TypicalCase.objects.published().count() == 3
    assert {h.kind for h in search("Schedule A").hits} >= {"case", "bulletin", "profile"}
    assert Notification.objects.filter(category=Category.BULLETIN).exists()
    guide = Guide.objects.get()
    download = client.get(reverse("knowledge:guide_attachment", args=[guide.code]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
