"""Who can see funding applications, invoices, fund claims and statements: the applicant and
the Center; everyone else gets 404 like a missing object."""

import pytest
from django.urls import reverse
from django.utils import timezone

from oipa.funding import services
from oipa.funding.builders import build_fund, build_funding_application
from oipa.funding.models import JournalEntry
from tests.access import Action, assert_access_matrix

pytestmark = pytest.mark.django_db

USERS = ["chaoyang", "haidian", "staff", "auditor", "expert", "district", "partner"]


def test_funding_applications_and_invoices(client, personas, programme, concluded, usd):
    submitted = build_funding_application(
        actor=personas["chaoyang"], programme=programme, case=concluded, items=[{}], submit=True
    )
    draft = build_funding_application(
        actor=personas["chaoyang"], programme=programme, case=concluded, items=[{}]
    )
    actions = {
        "r": Action(url=lambda a: reverse("funding:application_detail", args=[a.code])),
        "f": Action(url=lambda a: reverse("funding:invoice_download", args=[a.items.first().code])),
        "a": Action(
            url=lambda a: reverse("api:funding-application-detail", args=[a.code]), api=True
        ),
    }
    users = {key: personas[key] for key in USERS} | {"anonymous": None}
    allowed = {
        "chaoyang": {"submitted": "rfa", "draft": "rfa"},
        "staff": {"submitted": "rfa"},
        "auditor": {"submitted": "rfa"},
    }
    assert assert_access_matrix(
        client,
        users=users,
        objects={"submitted": submitted, "draft": draft},
        actions=actions,
        allowed=allowed,
    )


def test_fund_claims_statements_and_ledger_entries(client, personas, concluded):
    staff = personas["staff"]
    fund = build_fund(actor=staff)
    member = services.admit_member(
        actor=staff, fund=fund, organization=concluded.applicant, joined_on=timezone.localdate()
    )
    services.record_contribution(
        actor=staff, member=member, amount="100.00", received_on=timezone.localdate()
    )
    claim = services.submit_fund_claim(
        actor=personas["chaoyang"],
        member=member,
        case=concluded,
        amount="50.00",
        issuer="I",
        invoice_number="N",
        invoice_date=timezone.localdate(),
        description="d",
    )
    year = timezone.localdate().year
    actions = {
        "c": Action(url=lambda o: reverse("funding:claim_detail", args=[o["claim"].code])),
        "s": Action(url=lambda o: reverse("funding:fund_statement", args=[o["member"].code, year])),
        "x": Action(
            url=lambda o: reverse("funding:fund_statement_xlsx", args=[o["member"].code, year])
        ),
        "n": Action(url=lambda o: reverse("funding:claim_create", args=[o["member"].code])),
    }
    users = {key: personas[key] for key in USERS} | {"anonymous": None}
    allowed = {
        "chaoyang": {"fund": "csxn"},
        "staff": {"fund": "csxn"},
        "auditor": {"fund": "csxn"},
    }
    assert assert_access_matrix(
        client,
        users=users,
        objects={"fund": {"claim": claim, "member": member}},
        actions=actions,
        allowed=allowed,
    )


def test_a_member_sees_only_its_own_ledger_entries(client, personas, concluded):
    staff = personas["staff"]
    fund = build_fund(actor=staff)
    today = timezone.localdate()
    mine = services.admit_member(
        actor=staff, fund=fund, organization=concluded.applicant, joined_on=today
    )
    theirs = services.admit_member(
        actor=staff,
        fund=fund,
        organization=personas["haidian"].membership.organization,
        joined_on=today,
    )
    services.record_contribution(actor=staff, member=mine, amount="111.11", received_on=today)
    services.record_contribution(actor=staff, member=theirs, amount="222.22", received_on=today)

    assert JournalEntry.objects.visible_to(personas["chaoyang"]).count() == 1
    client.force_login(personas["chaoyang"])
    body = client.get(reverse("funding:fund_ledger")).content.decode()
    assert "111.11" in body and "222.22" not in body
    client.force_login(personas["district"])
    assert "111.11" not in client.get(reverse("funding:fund_ledger")).content.decode()


def test_the_public_annual_summary_needs_no_login_and_names_no_member(client, personas, concluded):
    staff = personas["staff"]
    fund = build_fund(actor=staff)
    member = services.admit_member(
        actor=staff, fund=fund, organization=concluded.applicant, joined_on=timezone.localdate()
    )
    services.record_contribution(
        actor=staff, member=member, amount="5000.00", received_on=timezone.localdate()
    )
    response = client.get(reverse("funding:fund_summary"), HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert response.status_code == 200
    assert "5000.00" in body and concluded.applicant.name not in body
