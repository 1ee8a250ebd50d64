"""The watch's front page: each role's pages and counts, login, 404 for everyone else."""

import pytest
from django.urls import reverse

from oipa.watch import services
from oipa.watch.builders import build_watched_mark
from oipa.watch.models import Hit, HitStatus, RiskWarning

from .helpers import import_sample, watch_demo_marks

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
CENTER_PAGES = ("hit_list", "warning_list", "mark_list", "run_list", "squatter_list")


@pytest.fixture
def imported(personas, django_capture_on_commit_callbacks):
    watch_demo_marks(personas)
    return import_sample(personas["staff"], capture=django_capture_on_commit_callbacks)


def test_an_enterprise_sees_its_pages_and_only_its_own_counts(client, personas, imported):
    build_watched_mark(personas["haidian"], "荣耀 HONOR", nice_classes=[9])
    removed = build_watched_mark(personas["chaoyang"], "米家", nice_classes=[9])
    services.remove_watched_mark(actor=personas["chaoyang"], mark=removed)
    client.force_login(personas["chaoyang"])
    body = client.get(reverse("watch:index"), **EN).content.decode()
    assert "1 not yet acted on" in body and "1 mark watched" in body
    assert reverse("watch:warning_list") in body and reverse("watch:mark_list") in body
    assert reverse("watch:hit_list") not in body and reverse("watch:run_list") not in body


def test_a_warning_acted_on_is_no_longer_counted(client, personas, imported):
    warning = RiskWarning.objects.get(organization=personas["chaoyang"].organization)
    client.force_login(personas["chaoyang"])
    client.post(reverse("watch:warning_apply", args=[warning.code]))
    body = client.get(reverse("watch:index"), **EN).content.decode()
    assert "0 not yet acted on" in body


@pytest.mark.parametrize("who", ["staff", "admin", "auditor"])
def test_the_center_sees_every_page_and_the_hits_waiting_for_review(
    client, personas, imported, who
):
    hit = Hit.objects.get(publication__serial_number="90000003")
    services.dismiss_hit(actor=personas["staff"], hit=hit)
    waiting = Hit.objects.filter(status=HitStatus.OPEN).count()
    client.force_login(personas[who])
    body = client.get(reverse("watch:index"), **EN).content.decode()
    assert f"{waiting} waiting for review" in body
    assert all(reverse(f"watch:{name}") in body for name in CENTER_PAGES)


def test_an_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("watch:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["expert", "district", "partner", "association", "institution"])
def test_other_roles_get_404_as_on_the_pages_of_the_section(client, personas, who):
    client.force_login(personas[who])
    assert client.get(reverse("watch:warning_list")).status_code == 404
    assert client.get(reverse("watch:index")).status_code == 404


@pytest.mark.parametrize(("who", "limit"), [("staff", 10), ("chaoyang", 10)])
def test_the_page_keeps_its_query_count(
    client, personas, imported, django_assert_max_num_queries, who, limit
):
    client.force_login(personas[who])
    with django_assert_max_num_queries(limit):
        assert client.get(reverse("watch:index"), **EN).status_code == 200


@pytest.mark.parametrize("who", ["staff", "chaoyang"])
def test_the_navigation_leads_to_the_page(client, personas, who):
    client.force_login(personas[who])
    body = client.get(reverse("home"), **EN).content.decode()
    assert f'href="{reverse("watch:index")}"' in body
