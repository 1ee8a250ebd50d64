"""The demo data builds through the services, balances, and is idempotent."""

import pytest
from django.core.management import call_command

from oipa.assistance.demo import build_demo_cases
from oipa.funding.demo import build_demo
from oipa.funding.ledger import check_ledger
from oipa.funding.models import FundingApplication, FundingStatus, MutualAidFund

pytestmark = pytest.mark.django_db


def test_the_demo_shows_every_stage_and_runs_once(personas):
    build_demo_cases(personas)
    assert build_demo(personas) > 0
    assert build_demo(personas) == 0
    statuses = set(FundingApplication.objects.values_list("status", flat=True))
    assert {FundingStatus.SUBMITTED, FundingStatus.PAID} <= statuses
    assert check_ledger(MutualAidFund.objects.get()) == []
    call_command("check_fund_ledger")
