"""Districts see only their own leads; only Center staff act on them; 404 for the rest."""

import pytest
from django.urls import reverse

from oipa.leads.builders import build_lead
from tests.access import Action, assert_access_matrix

pytestmark = pytest.mark.django_db


def test_the_access_matrix_holds_for_leads(client, personas, haidian_officer):
    leads = {
        "chaoyang_lead": build_lead(actor=personas["district"]),
        "haidian_lead": build_lead(actor=haidian_officer, enterprise_name="海淀企业"),
    }
    actions = {
        "r": Action(url=lambda lead: reverse("leads:lead_detail", args=[lead.code])),
        "a": Action(url=lambda lead: reverse("api:lead-detail", args=[lead.code]), api=True),
        "c": Action(
            url=lambda lead: reverse("leads:lead_act", args=[lead.code, "contact"]),
            method="post",
            allowed_status=(302, 400),
        ),
    }
    users = {
        key: personas[key]
        for key in ("district", "staff", "admin", "auditor", "chaoyang", "expert", "partner")
    }
    users["haidian_officer"] = haidian_officer
    users["anonymous"] = None
    allowed = {
        "district": {"chaoyang_lead": "ra"},
        "haidian_officer": {"haidian_lead": "ra"},
        "staff": {"chaoyang_lead": "rac", "haidian_lead": "rac"},
        "admin": {"chaoyang_lead": "rac", "haidian_lead": "rac"},
        "auditor": {"chaoyang_lead": "ra", "haidian_lead": "ra"},
    }

    checked = assert_access_matrix(
        client, users=users, objects=leads, actions=actions, allowed=allowed
    )
    assert checked == 9 * 2 * 3


@pytest.mark.parametrize("role", ["chaoyang", "expert", "partner", "association"])
def test_other_roles_have_no_leads_pages(client, personas, role):
    client.force_login(personas[role])
    for name in ("leads:lead_list", "leads:monthly", "leads:monthly_export"):
        assert client.get(reverse(name)).status_code == 404


def test_the_api_lists_a_district_only_its_leads(client, personas, haidian_officer):
    build_lead(actor=personas["district"])
    build_lead(actor=haidian_officer, enterprise_name="海淀企业")
    client.force_login(haidian_officer)

    data = client.get(reverse("api:lead-list")).json()

    assert [row["enterprise_name"] for row in data["results"]] == ["海淀企业"]


def test_a_district_officer_reports_through_the_api_and_bad_input_is_a_400(client, personas):
    client.force_login(personas["district"])
    from oipa.leads.builders import lead_fields

    created = client.post(reverse("api:lead-list"), lead_fields(), content_type="application/json")
    refused = client.post(
        reverse("api:lead-list"),
        lead_fields(uscc="91110105MA0CYLD8X"),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert created.status_code == 201
    assert refused.status_code == 400 and "uscc" in refused.json()


def test_a_district_officer_cannot_triage_through_the_api(client, personas):
    lead = build_lead(actor=personas["district"])
    client.force_login(personas["district"])

    response = client.post(
        reverse("api:lead-convert", args=[lead.code]),
        {"conversion": "funding"},
        content_type="application/json",
    )

    assert response.status_code == 403
