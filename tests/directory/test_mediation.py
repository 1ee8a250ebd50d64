"""Mediation and arbitration bodies: public pages and filters; Center staff maintain them."""

import pytest
from django.urls import reverse

from oipa.directory import services
from oipa.directory.builders import build_mediation_body
from oipa.directory.models import ListingStatus, MediationBody

pytestmark = pytest.mark.django_db

LIST = reverse("directory:mediation_list")


@pytest.fixture
def bodies(personas, body):
    wipo = build_mediation_body(
        actor=personas["staff"],
        name_zh="世界知识产权组织仲裁与调解中心",
        name_en="WIPO Arbitration and Mediation Center",
        kind="mediation",
        dispute_types=("litigation", "platform_complaint"),
        jurisdictions=("WO", "US", "EU"),
        rules_url="https://www.wipo.int/amc/en/mediation/rules/",
    )
    return {"bjac": body, "wipo": wipo}


def names(response) -> set[str]:
    return {body.name_en for body in response.context["page"]}


@pytest.mark.parametrize(
    "query, expected",
    [
        ({}, {"bjac", "wipo"}),
        ({"kind": "mediation"}, {"bjac", "wipo"}),
        ({"kind": "arbitration"}, {"bjac"}),
        ({"dispute_type": "platform_complaint"}, {"wipo"}),
        ({"jurisdiction": "JP"}, {"bjac"}),
        ({"q": "WIPO"}, {"wipo"}),
    ],
)
def test_visitors_filter_the_bodies(client, bodies, query, expected):
    response = client.get(LIST, query)
    assert response.status_code == 200
    assert names(response) == {bodies[key].name_en for key in expected}


def test_the_body_page_links_its_rules(client, bodies):
    response = client.get(
        reverse("directory:mediation_body_detail", args=[bodies["wipo"].code]),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "https://www.wipo.int/amc/en/mediation/rules/" in response.content.decode()


def test_center_staff_add_change_and_withdraw_a_body(client, personas):
    client.force_login(personas["staff"])
    data = {
        "name_zh": "中国国际经济贸易仲裁委员会",
        "name_en": "CIETAC",
        "kind": "arbitration",
        "dispute_types": ["arbitration"],
        "jurisdictions": "US, DE",
        "rules_url": "https://www.cietac.org/",
    }
    response = client.post(reverse("directory:mediation_body_create"), data)
    body = MediationBody.objects.get()
    assert response["Location"] == reverse("directory:mediation_body_detail", args=[body.code])
    data["jurisdictions"] = "US, DE, XX"
    response = client.post(
        reverse("directory:mediation_body_edit", args=[body.code]), data, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "Unknown country or office codes: XX." in response.content.decode()
    client.post(reverse("directory:mediation_body_withdraw", args=[body.code]))
    body.refresh_from_db()
    assert body.status == ListingStatus.WITHDRAWN
    client.logout()
    detail = reverse("directory:mediation_body_detail", args=[body.code])
    assert client.get(detail).status_code == 404


@pytest.mark.parametrize("who", ["institution", "auditor", "chaoyang"])
def test_others_cannot_maintain_bodies(client, personas, bodies, who):
    client.force_login(personas[who])
    assert client.get(reverse("directory:mediation_body_create")).status_code == 404
    url = reverse("directory:mediation_body_edit", args=[bodies["bjac"].code])
    assert client.get(url).status_code == 404
    url = reverse("directory:mediation_body_withdraw", args=[bodies["bjac"].code])
    assert client.post(url).status_code == 404
    assert bodies["bjac"].status == ListingStatus.LISTED


def test_updating_a_body_is_audited(personas, body):
    from oipa.core.audit.models import AuditEvent
    from oipa.directory.builders import mediation_details

    services.update_mediation_body(
        actor=personas["staff"], body=body, details=mediation_details(phone="010-0000 0000")
    )
    event = AuditEvent.objects.get(action="directory.mediation_body_updated")
    assert event.after["phone"] == "010-0000 0000"
