"""The directory API: public reads with the page's filters, proposals by institution staff."""

import pytest
from django.urls import reverse

from oipa.directory import services
from oipa.directory.models import ChangeStatus, ListingChange

pytestmark = pytest.mark.django_db

LIST = reverse("api:directory-institution-list")


def test_visitors_list_institutions_with_filters(client, own, other):
    response = client.get(LIST, {"country": "DE"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["name_zh"] for r in results] == [other.name_zh]
    assert results[0]["countries"] == ["DE", "EU"]
    assert results[0]["partners"] == [{"name": "Hoffmann Eitle", "country": "DE"}]


def test_published_quality_years_are_listed(client, personas, own):
    services.add_to_quality_directory(actor=personas["staff"], institution=own, year=2025)
    services.add_to_quality_directory(actor=personas["staff"], institution=own, year=2026)
    services.publish_quality_directory(actor=personas["staff"], year=2025)
    record = client.get(reverse("api:directory-institution-detail", args=[own.code])).json()
    assert record["quality_years"] == [2025]


def test_institution_staff_propose_a_change_through_the_api(client, personas, own):
    client.force_login(personas["institution"])
    url = reverse("api:directory-institution-changes", args=[own.code])
    payload = {
        "name_zh": own.name_zh,
        "kind": "patent_agency",
        "uscc": own.uscc,
        "countries": ["US", "JP", "KR"],
        "services": ["filing"],
        "languages": ["zh"],
        "partners": [{"name": "Kim & Chang", "country": "KR"}],
    }
    response = client.post(url, payload, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == ChangeStatus.PENDING
    own.refresh_from_db()
    assert sorted(j.code for j in own.countries.all()) == ["JP", "US"]


def test_bad_input_through_the_api_is_a_400_with_field_messages(client, personas, own):
    client.force_login(personas["institution"])
    url = reverse("api:directory-institution-changes", args=[own.code])
    payload = {"name_zh": "<b>x</b>", "kind": "law_firm", "countries": ["XX"]}
    response = client.post(url, payload, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    body = response.json()
    assert body["countries"] == ["Unknown country or office codes: XX."]
    assert "name_zh" in body
    assert not ListingChange.objects.exists()


def test_proposing_for_another_listing_answers_404(client, personas, other):
    client.force_login(personas["institution"])
    url = reverse("api:directory-institution-changes", args=[other.code])
    response = client.post(
        url, {"name_zh": "x", "kind": "law_firm"}, content_type="application/json"
    )
    assert response.status_code == 404
    client.logout()
    assert client.post(url, {}, content_type="application/json").status_code == 403


def test_mediation_bodies_are_listed_and_filtered(client, body):
    url = reverse("api:directory-mediation-body-list")
    assert [r["name_zh"] for r in client.get(url, {"kind": "arbitration"}).json()["results"]] == [
        body.name_zh
    ]
    assert client.get(url, {"dispute_type": "customs_seizure"}).json()["results"] == []
    assert client.get(url, {"jurisdiction": "JP"}).json()["count"] == 1
