"""A mark watched after a gazette was imported is still matched against that gazette."""

import pytest
import time_machine

from oipa.watch.models import Hit, RiskWarning
from oipa.watch.services import add_watched_mark
from oipa.watch.services.hits import backfill_mark

from .helpers import import_sample

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-10-22 09:00 +0800", tick=False)
def test_a_new_mark_is_warned_of_a_squat_published_before_it_was_watched(
    personas, django_capture_on_commit_callbacks
):
    import_sample(personas["staff"], capture=django_capture_on_commit_callbacks)
    assert not Hit.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        mark = add_watched_mark(
            actor=personas["chaoyang"], word_mark="小米", english_forms=["Xiaomi"], nice_classes=[9]
        )
    hit = Hit.objects.get(watched_mark=mark)
    assert hit.publication.mark_text == "XIAOMI-TECH"
    assert RiskWarning.objects.filter(organization=personas["chaoyang"].organization).count() == 1
    assert backfill_mark(mark.pk) == 0  # a second run creates nothing
    assert RiskWarning.objects.count() == 1


@time_machine.travel("2027-06-01 09:00 +0800", tick=False)
def test_publications_older_than_the_backfill_window_are_left_alone(
    personas, django_capture_on_commit_callbacks, settings
):
    settings.WATCH_BACKFILL_DAYS = 30
    import_sample(personas["staff"], capture=django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        add_watched_mark(actor=personas["chaoyang"], word_mark="小米", nice_classes=[9])
    assert not Hit.objects.exists()
