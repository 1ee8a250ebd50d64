"""The demo shows a squatting warning and a serial squatter, and is idempotent."""

import pytest
from django.test import override_settings

from oipa.watch import owners
from oipa.watch.demo import build_demo
from oipa.watch.models import Hit, RiskWarning

pytestmark = pytest.mark.django_db


def test_the_demo_builds_a_warning_and_a_serial_squatter_once(personas):
    assert build_demo(personas) > 0
    warning = RiskWarning.objects.get(organization=personas["chaoyang"].organization)
    assert warning.publication.mark_text == "XINGHE-TECH"
    assert warning.deadline is not None
    assert not Hit.objects.filter(publication__mark_text="SMART TECH").exists()
    assert Hit.objects.filter(publication__mark_text="YUNFAN", watched_mark__watched__isnull=False)
    with override_settings(WATCH_SERIAL_MIN_BRANDS=3):
        [squatter] = owners.serial_squatters()
    assert squatter.brands == 4
    count = Hit.objects.count()
    assert build_demo(personas) == 0
    assert Hit.objects.count() == count
