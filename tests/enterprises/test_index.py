"""The self-check's front page: each role's pages, login, 404 for everyone else."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse

from oipa.enterprises.builders import build_self_check

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_an_enterprise_is_offered_the_questionnaire_before_answering(client, personas):
    client.force_login(personas["chaoyang"])
    body = client.get(reverse("enterprises:index"), **EN).content.decode()
    assert reverse("enterprises:self_check") in body
    assert "You have not answered the self-check yet." in body
    assert reverse("enterprises:self_check_overview") not in body


def test_an_enterprise_sees_its_latest_result_and_not_another_one(client, personas):
    with time_machine.travel(datetime(2025, 5, 1, 9, 0), tick=False):
        build_self_check(actor=personas["chaoyang"], markets_registered="no")
    with time_machine.travel(datetime(2026, 5, 1, 9, 0), tick=False):
        latest = build_self_check(actor=personas["chaoyang"])
        other = build_self_check(actor=personas["haidian"])
    client.force_login(personas["chaoyang"])
    body = client.get(reverse("enterprises:index"), **EN).content.decode()
    assert reverse("enterprises:self_check_detail", args=[latest.code]) in body
    assert f"<strong>{latest.total_score}</strong> / 100" in body
    assert str(other.code) not in body


@pytest.mark.parametrize("who", ["staff", "admin", "auditor"])
def test_the_center_is_offered_the_aggregates(client, personas, who):
    build_self_check(actor=personas["chaoyang"])
    client.force_login(personas[who])
    body = client.get(reverse("enterprises:index"), **EN).content.decode()
    assert reverse("enterprises:self_check_overview") in body
    assert f'href="{reverse("enterprises:self_check")}"' not in body


def test_an_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("enterprises:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["expert", "district", "partner", "association", "institution"])
def test_other_roles_get_404_as_on_the_pages_of_the_section(client, personas, who):
    client.force_login(personas[who])
    assert client.get(reverse("enterprises:self_check")).status_code == 404
    assert client.get(reverse("enterprises:self_check_overview")).status_code == 404
    assert client.get(reverse("enterprises:index")).status_code == 404


@pytest.mark.parametrize("who", ["staff", "chaoyang"])
def test_the_page_keeps_its_query_count(client, personas, django_assert_max_num_queries, who):
    build_self_check(actor=personas["chaoyang"])
    client.force_login(personas[who])
    with django_assert_max_num_queries(9):
        assert client.get(reverse("enterprises:index"), **EN).status_code == 200


@pytest.mark.parametrize("who", ["staff", "chaoyang"])
def test_the_navigation_leads_to_the_page(client, personas, who):
    client.force_login(personas[who])
    body = client.get(reverse("home"), **EN).content.decode()
    assert f'href="{reverse("enterprises:index")}"' in body
