"""The self-check demo builds through the service and is idempotent."""

import pytest

from oipa.enterprises.demo import build_demo as build_self_checks
from oipa.enterprises.models import SelfCheck

pytestmark = pytest.mark.django_db


def test_the_self_check_demo_has_a_trend(personas):
    assert build_self_checks(personas) == 3
    assert build_self_checks(personas) == 0
    organization = personas["chaoyang"].membership.organization
    assert SelfCheck.objects.filter(organization=organization).count() == 2
