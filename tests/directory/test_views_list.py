"""The public directory list: no login, filters, pending listings hidden, query count pinned."""

import pytest
from django.urls import reverse

from oipa.accounts.builders import make_uscc
from oipa.directory import services
from oipa.directory.builders import build_institution, institution_details

pytestmark = pytest.mark.django_db

URL = reverse("directory:institution_list")


def names(response) -> set[str]:
    return {institution.name_zh for institution in response.context["page"]}


@pytest.fixture
def listings(personas, own, other):
    return {"own": own, "other": other}


def test_visitors_see_the_directory_without_logging_in(client, listings):
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert names(response) == {listings["own"].name_zh, listings["other"].name_zh}
    assert "Service directory" in response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"country": "DE"}, {"other"}),
        ({"country": "JP"}, {"own"}),
        ({"service": "litigation"}, {"other"}),
        ({"service": "filing"}, {"own"}),
        ({"language": "ja"}, {"own"}),
        ({"kind": "patent_agency"}, {"own"}),
        ({"q": "德衡"}, {"other"}),
        ({"q": "Hoffmann"}, {"other"}),
        ({"q": "huaxia"}, {"own"}),
        ({"country": "EU", "language": "de"}, {"other"}),
        ({"country": "EU", "language": "ja"}, set()),
    ],
)
def test_filters_narrow_the_list(client, listings, query, expected):
    response = client.get(URL, query)
    assert names(response) == {listings[key].name_zh for key in expected}


@pytest.mark.parametrize(
    "query",
    [
        {"country": "XX"},
        {"service": "astrology"},
        {"quality_year": "abc"},
        {"q": "\"' OR 1=1 --"},
        {"q": "x" * 5000},
        {"q": "<script>alert(1)</script>"},
    ],
)
def test_bad_filter_values_give_a_page_not_an_error(client, listings, query):
    response = client.get(URL, query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_an_unknown_country_is_explained(client, listings):
    response = client.get(URL, {"country": "XX"}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Select a valid choice" in response.content.decode()


def test_listings_awaiting_review_or_withdrawn_are_not_public(client, personas, other):
    pending = services.propose_institution(
        actor=personas["institution"],
        details=institution_details(
            uscc=personas["institution"].organization.uscc, name_zh="待审核的机构"
        ),
    ).institution
    services.withdraw_institution(actor=personas["staff"], institution=other, reason="停业")
    assert names(client.get(URL)) == set()
    for institution in (pending, other):
        detail = reverse("directory:institution_detail", args=[institution.code])
        assert client.get(detail).status_code == 404
    client.force_login(personas["chaoyang"])
    assert names(client.get(URL)) == set()
    client.force_login(personas["institution"])
    assert names(client.get(URL)) == {"待审核的机构"}


def test_htmx_requests_get_only_the_results(client, listings):
    response = client.get(URL, {"country": "DE"}, HTTP_HX_REQUEST="true")
    text = response.content.decode()
    assert text.lstrip().startswith('<div id="results">')
    assert "<html" not in text


def test_the_list_query_count_does_not_grow_with_listings(
    client, personas, listings, django_assert_max_num_queries
):
    for number in range(15):
        build_institution(
            actor=personas["staff"],
            name_zh=f"北京测试知识产权代理所{number}",
            uscc=make_uscc("110105", f"MA0T{number:05d}", prefix="91"),
        )
    with django_assert_max_num_queries(8):
        response = client.get(URL)
    assert len(response.context["page"]) == 17


def test_the_detail_page_shows_the_listing_to_visitors(client, other):
    response = client.get(
        reverse("directory:institution_detail", args=[other.code]), HTTP_ACCEPT_LANGUAGE="en"
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Hoffmann Eitle (DE)" in text
    assert "Propose a change" not in text
