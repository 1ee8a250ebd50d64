"""The read-only API: anonymous callers see published content and can search."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oipa.knowledge.builders import build_case, build_guide

pytestmark = pytest.mark.django_db


def test_profiles_carry_their_machine_readable_deadlines(client):
    response = client.get(reverse("api:knowledge-profile-list"), {"jurisdiction": "us"})
    assert response.status_code == 200
    (profile,) = response.json()["results"]
    events = {d["event"]: d["amount"] for d in profile["deadlines"]}
    assert events == {"opposition": 30, "answer": 21, "itc_response": 20, "tro_hearing": 14}


def test_lists_hide_drafts_from_everyone_but_the_center(client, personas, editor):
    build_case(actor=editor, publish_it=False, title_en="draft")
    build_case(actor=editor, title_en="public")
    response = client.get(reverse("api:knowledge-case-list"))
    titles = [c["title_en"] for c in response.json()["results"]]
    assert titles == ["public"]
    client.force_login(personas["auditor"])
    assert len(client.get(reverse("api:knowledge-case-list")).json()["results"]) == 2


def test_guides_filter_by_business_model(client, editor):
    build_guide(actor=editor, title_en="SaaS", business_models=["saas"])
    build_guide(actor=editor, title_en="EV", business_models=["new_energy_vehicles"])
    url = reverse("api:knowledge-guide-list")
    titles = [g["title_en"] for g in client.get(url, {"business_model": "saas"}).json()["results"]]
    assert titles == ["SaaS"]


def test_search_endpoint_returns_hits_facets_and_survives_bad_input(client, editor, on_commit):
    with on_commit():
        build_case(actor=editor, title_zh="临时禁令冻结账户", jurisdiction="US")
    url = reverse("api:knowledge-search-list")
    body = client.get(url, {"q": "临时禁令"}).json()
    assert body["total"] == 1 and body["facets"]["jurisdiction"] == {"US": 1}
    assert "<mark>临时禁令</mark>" in body["results"][0]["title_html"]
    for q in ("", '"', "* NEAR -", "x" * 5000):
        assert client.get(url, {"q": q}).status_code == 200
