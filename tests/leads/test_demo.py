"""The leads demo: the Chaoyang office's leads in every state, built once."""

import pytest

from oipa.leads.demo import build_demo
from oipa.leads.models import Lead

pytestmark = pytest.mark.django_db


def test_the_demo_builds_the_chaoyang_offices_leads_in_every_state_once(personas):
    assert build_demo(personas) == 5
    assert build_demo(personas) == 0

    assert set(Lead.objects.values_list("status", flat=True)) == {
        "new",
        "contacted",
        "converted",
        "closed",
    }
    assert set(Lead.objects.exclude(conversion="").values_list("conversion", flat=True)) == {
        "training",
        "guidance",
    }
    office = personas["district"].membership.organization
    assert set(Lead.objects.values_list("district_office", flat=True)) == {office.pk}
