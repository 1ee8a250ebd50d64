"""Self-check pages: the questionnaire, results with advice, trend, the Center's aggregates,
and who may see what."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse

from oipa.enterprises.builders import answers, build_self_check
from oipa.enterprises.models import SelfCheck
from tests.access import Action, assert_access_matrix

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_an_enterprise_fills_in_the_questionnaire_and_reads_its_advice(client, personas):
    client.force_login(personas["chaoyang"])
    page = client.get(reverse("enterprises:self_check"), **EN)
    assert "Marks in target markets" in page.content.decode()

    data = {"industry": "C", **answers(ecommerce_listing_check="no")}
    response = client.post(reverse("enterprises:self_check"), data)
    check = SelfCheck.objects.get()
    assert response.url == reverse("enterprises:self_check_detail", args=[check.code])

    body = client.get(response.url, **EN).content.decode()
    assert "known Schedule A plaintiffs" in body
    assert reverse("knowledge:guide_list") in body


def test_a_missing_answer_is_shown_on_the_form(client, personas):
    client.force_login(personas["chaoyang"])
    data = {"industry": "C", **answers()}
    del data["contracts_indemnity"]
    response = client.post(reverse("enterprises:self_check"), data, **EN)
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not SelfCheck.objects.exists()


def test_the_trend_shows_the_change_since_last_year(client, personas):
    with time_machine.travel(datetime(2025, 5, 1, 9, 0), tick=False):
        build_self_check(
            actor=personas["chaoyang"], markets_registered="no", fto_before_launch="no"
        )
    with time_machine.travel(datetime(2026, 5, 1, 9, 0), tick=False):
        build_self_check(actor=personas["chaoyang"])
        client.force_login(personas["chaoyang"])
        body = client.get(reverse("enterprises:self_check"), **EN).content.decode()
    assert "Your trend" in body and "+" in body


def test_the_center_sees_aggregates_by_industry_and_district(
    client, personas, django_assert_max_num_queries
):
    build_self_check(actor=personas["chaoyang"], industry_code="C")
    build_self_check(actor=personas["haidian"], industry_code="I", markets_registered="no")
    client.force_login(personas["staff"])
    with django_assert_max_num_queries(14):
        response = client.get(reverse("enterprises:self_check_overview"), **EN)
    body = response.content.decode()
    assert "By industry" in body and "朝阳区" in body and "海淀区" in body
    client.force_login(personas["chaoyang"])
    assert client.get(reverse("enterprises:self_check_overview")).status_code == 404


def test_self_checks_are_visible_to_their_enterprise_and_the_center_only(client, personas):
    own = build_self_check(actor=personas["chaoyang"])
    other = build_self_check(actor=personas["haidian"])
    actions = {
        "r": Action(url=lambda c: reverse("enterprises:self_check_detail", args=[c.code])),
        "a": Action(url=lambda c: reverse("api:self-check-detail", args=[c.code]), api=True),
    }
    users = {
        k: personas[k]
        for k in ("chaoyang", "haidian", "staff", "auditor", "district", "expert", "association")
    } | {"anonymous": None}
    allowed = {
        "chaoyang": {"own": "ra"},
        "haidian": {"other": "ra"},
        "staff": {"own": "ra", "other": "ra"},
        "auditor": {"own": "ra", "other": "ra"},
    }
    assert assert_access_matrix(
        client,
        users=users,
        objects={"own": own, "other": other},
        actions=actions,
        allowed=allowed,
    )


def test_the_api_scores_a_self_check_through_the_service(client, personas):
    client.force_login(personas["chaoyang"])
    response = client.post(
        reverse("api:self-check-list"),
        {"industry": "C", "answers": answers(default="partly")},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["total_score"] == 50
    client.force_login(personas["district"])
    assert client.get(reverse("api:self-check-list")).json()["count"] == 0
