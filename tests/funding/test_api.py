"""The funding API: same scoping and services as the pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from oipa.funding import services
from oipa.funding.builders import build_fund, build_funding_application
from oipa.funding.models import FundingStatus

pytestmark = pytest.mark.django_db


def test_an_enterprise_lists_only_its_own_applications_and_submits_a_draft(
    client, personas, programme, concluded, usd
):
    draft = build_funding_application(
        actor=personas["chaoyang"], programme=programme, case=concluded, items=[{}]
    )
    client.force_login(personas["chaoyang"])
    listing = client.get(reverse("api:funding-application-list")).json()
    assert [row["code"] for row in listing["results"]] == [str(draft.code)]
    assert listing["results"][0]["items"][0]["amount_cny"] == "7123.40"

    response = client.post(reverse("api:funding-application-submit", args=[draft.code]))
    assert response.status_code == 200
    assert response.json()["status"] == FundingStatus.SUBMITTED

    client.force_login(personas["haidian"])
    assert client.get(reverse("api:funding-application-list")).json()["count"] == 0
    assert (
        client.post(reverse("api:funding-application-submit", args=[draft.code])).status_code == 404
    )


def test_a_refused_submission_answers_400_with_the_reason(client, personas, programme, concluded):
    empty = build_funding_application(
        actor=personas["chaoyang"], programme=programme, case=concluded
    )
    client.force_login(personas["chaoyang"])
    response = client.post(
        reverse("api:funding-application-submit", args=[empty.code]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert "Add at least one invoiced cost." in str(response.json())


def test_the_ledger_api_shows_a_member_only_its_own_entries(client, personas, concluded):
    staff = personas["staff"]
    fund = build_fund(actor=staff)
    today = timezone.localdate()
    for key in ("chaoyang", "haidian"):
        member = services.admit_member(
            actor=staff,
            fund=fund,
            organization=personas[key].membership.organization,
            joined_on=today,
        )
        services.record_contribution(actor=staff, member=member, amount="10.00", received_on=today)
    client.force_login(personas["chaoyang"])
    assert client.get(reverse("api:fund-entry-list")).json()["count"] == 1
    client.force_login(personas["auditor"])
    assert client.get(reverse("api:fund-entry-list")).json()["count"] == 2
    client.force_login(personas["district"])
    assert client.get(reverse("api:fund-entry-list")).json()["count"] == 0
