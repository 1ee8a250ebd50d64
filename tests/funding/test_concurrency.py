"""Many reviewers approving at once never push a programme past its budget (PostgreSQL)."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from oipa.accounts.builders import build_member, build_organization, make_uscc
from oipa.accounts.models import OrgKind, Role
from oipa.assistance.builders import build_case_in_state
from oipa.core.taxonomy.loader import sync_reference_data
from oipa.funding import services
from oipa.funding.builders import build_funding_application, build_programme
from oipa.funding.models import FundingApplication, FundingStatus, Programme

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)
WORKERS = 12


def _race(calls):
    barrier = threading.Barrier(len(calls))
    outcomes: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
        except Exception as exc:  # noqa: BLE001 — the test inspects what each thread got
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_on_postgresql_never_exceed_the_budget(personas, settings, tmp_path):
    sync_reference_data()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    staff = personas["staff"]
    # 12 applications of 1,000 CNY granted each against a 5,000 CNY budget: exactly 5 fit.
    programme = build_programme(actor=staff, budget=Decimal("5000.00"))
    applications = []
    for n in range(WORKERS):
        org = build_organization(
            kind=OrgKind.ENTERPRISE, name=f"并发企业{n}", uscc=make_uscc("110105", f"MA0CC{n:04d}")
        )
        user = build_member(organization=org, role=Role.ENTERPRISE_ADMIN, email=f"e{n}@t.cn")
        case = build_case_in_state("concluded", personas={**personas, "chaoyang": user})
        application = build_funding_application(
            actor=user,
            programme=programme,
            case=case,
            submit=True,
            items=[{"currency": "CNY", "amount": "2000.00"}],
        )
        services.review_cost_item(actor=staff, item=application.items.get(), decision="approved")
        applications.append(application)
    reviewers = [
        build_member(
            organization=staff.membership.organization,
            role=Role.CENTER_STAFF,
            email=f"reviewer{n}@t.cn",
        )
        for n in range(WORKERS)
    ]

    outcomes = _race(
        [
            lambda a=application, r=reviewer: services.complete_review(actor=r, application=a)
            for application, reviewer in zip(applications, reviewers, strict=True)
        ]
    )

    refused = [o for o in outcomes if o is not None]
    assert all(isinstance(o, ValidationError) and o.code == "over_budget" for o in refused), refused
    assert len(refused) == WORKERS - 5
    programme = Programme.objects.get(pk=programme.pk)
    assert programme.approved_total == Decimal("5000.00")
    approved = FundingApplication.objects.filter(status=FundingStatus.APPROVED)
    assert sum(a.granted_total for a in approved) == programme.approved_total


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_payouts_at_once_on_postgresql_cannot_overdraw_the_reserve(personas):
    from django.utils import timezone

    from oipa.funding.builders import build_fund
    from oipa.funding.ledger import check_ledger

    sync_reference_data()
    staff, today = personas["staff"], timezone.localdate()
    fund = build_fund(actor=staff)
    member = services.admit_member(
        actor=staff,
        fund=fund,
        organization=personas["chaoyang"].membership.organization,
        joined_on=today,
    )
    services.record_contribution(actor=staff, member=member, amount="1000.00", received_on=today)
    case = build_case_in_state("concluded", personas=personas)
    claims = []
    for number in ("R-1", "R-2"):
        claim = services.submit_fund_claim(
            actor=personas["chaoyang"],
            member=member,
            case=case,
            amount="800.00",
            issuer="Baker IP",
            invoice_number=number,
            invoice_date=today,
            description="律师费",
        )
        claims.append(services.decide_fund_claim(actor=staff, claim=claim, approve=True))

    outcomes = _race(
        [lambda c=c: services.pay_fund_claim(actor=staff, claim=c, paid_on=today) for c in claims]
    )

    refused = [o for o in outcomes if o is not None]
    assert len(refused) == 1 and refused[0].code == "reserve_short", outcomes
    assert check_ledger(fund) == []


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_invoice_claimed_at_once_on_postgresql_is_registered_once(personas):
    from django.utils import timezone

    from oipa.funding.models import InsurancePayout, InvoiceClaim

    sync_reference_data()
    organization = personas["chaoyang"].membership.organization
    calls = [
        lambda n=n: services.record_insurance_payout(
            actor=personas["staff"],
            organization=organization,
            insurer="中国人保",
            policy_number=f"P-{n}",
            issuer="Smith & Lee LLP",
            invoice_number="SL-1",
            amount_cny="100.00",
            paid_on=timezone.localdate(),
        )
        for n in range(6)
    ]

    outcomes = _race(calls)

    refused = [o for o in outcomes if o is not None]
    assert len(refused) == 5
    assert all(o.code == "duplicate_invoice" for o in refused), refused
    assert InvoiceClaim.objects.count() == 1 and InsurancePayout.objects.count() == 1
