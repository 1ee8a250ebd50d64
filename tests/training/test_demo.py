"""The training demo: three upcoming events with registrations and a past one, built once."""

import pytest
from django.utils import timezone

from oipa.training.demo import build_demo
from oipa.training.models import Event, Registration

pytestmark = pytest.mark.django_db


def test_the_demo_builds_upcoming_events_with_registrations_once(personas):
    assert build_demo(personas) > 0
    counts = (Event.objects.count(), Registration.objects.count())
    assert build_demo(personas) == 0

    assert (Event.objects.count(), Registration.objects.count()) == counts
    upcoming = Event.objects.filter(starts_at__gt=timezone.now())
    assert upcoming.count() == 3
    assert all(e.registrations.exists() for e in upcoming)
    assert Registration.objects.filter(status="waitlisted").count() == 1
    assert Registration.objects.filter(attended=True, rating=5).count() == 1
