"""Public pages: no login needed, only published content, search box with bad input."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oipa.knowledge.builders import build_bulletin, build_case, build_guide
from oipa.knowledge.models import CountryProfile
from oipa.knowledge.search.index import rebuild_index

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def content(editor, on_commit):
    with on_commit():
        case = build_case(
            actor=editor,
            title_en="ITC exclusion order against LED makers",
            facts_en="<p>Facts <script>alert(1)</script><a href='javascript:x()'>x</a></p>",
            dispute_type="itc_337",
        )
        guide = build_guide(actor=editor, title_en="Cross-border e-commerce guide")
        bulletin = build_bulletin(actor=editor, title_en="New EUIPO fees")
        draft = build_case(actor=editor, publish_it=False, title_en="Secret draft case")
    rebuild_index()
    return {"case": case, "guide": guide, "bulletin": bulletin, "draft": draft}


def test_visitors_read_every_public_page(client, content):
    us = CountryProfile.objects.get(jurisdiction__code="US")
    urls = [
        reverse("knowledge:home"),
        reverse("knowledge:country_list"),
        reverse("knowledge:case_list"),
        reverse("knowledge:guide_list"),
        reverse("knowledge:bulletin_list"),
        reverse("knowledge:search"),
        reverse("knowledge:profile_detail", args=[us.code]),
        reverse("knowledge:case_detail", args=[content["case"].code]),
        reverse("knowledge:guide_detail", args=[content["guide"].code]),
        reverse("knowledge:bulletin_detail", args=[content["bulletin"].code]),
    ]
    for url in urls:
        assert client.get(url, **EN).status_code == 200, url


def test_visitors_get_404_for_drafts(client, content):
    url = reverse("knowledge:case_detail", args=[content["draft"].code])
    assert client.get(url).status_code == 404
    page = client.get(reverse("knowledge:case_list"), **EN).content.decode()
    assert "Secret draft case" not in page and "ITC exclusion order" in page


def test_the_us_profile_shows_its_deadlines_and_sources(client):
    us = CountryProfile.objects.get(jurisdiction__code="US")
    page = client.get(reverse("knowledge:profile_detail", args=[us.code]), **EN)
    text = page.content.decode()
    assert "15 U.S.C. §1063" in text
    assert "FRCP 12(a)(1)" in text
    assert "https://www.usitc.gov/intellectual_property" in text


def test_rich_text_is_sanitized_when_rendered(client, content):
    page = client.get(reverse("knowledge:case_detail", args=[content["case"].code]), **EN)
    text = page.content.decode()
    assert "<script>alert(1)</script>" not in text
    assert "javascript:" not in text
    assert "<p>Facts" in text


def test_search_page_finds_and_highlights(client, content):
    page = client.get(reverse("knowledge:search"), {"q": "exclusion order"}, **EN)
    text = page.content.decode()
    assert "<mark>exclusion</mark>" in text and "ITC" in text
    assert "Secret draft case" not in text


def test_search_page_htmx_returns_the_partial(client, content):
    page = client.get(reverse("knowledge:search"), {"q": "337"}, HTTP_HX_REQUEST="true", **EN)
    text = page.content.decode()
    assert 'id="search-results"' in text and "<html" not in text


@pytest.mark.parametrize("q", ["", "!!!", '"*"', "NEAR", "-", "x" * 10_000, "<script>"])
def test_search_page_answers_bad_input_with_a_message_not_an_error(client, content, q):
    page = client.get(reverse("knowledge:search"), {"q": q}, **EN)
    assert page.status_code == 200
    assert "<script>" not in page.content.decode().split("<main", 1)[1].replace(
        "&lt;script&gt;", ""
    )


def test_punctuation_only_says_there_is_nothing_to_look_for(client, content):
    page = client.get(reverse("knowledge:search"), {"q": "!!! ???"}, **EN)
    assert "contains no words" in page.content.decode()


def test_unknown_facet_values_are_refused_quietly(client, content):
    page = client.get(reverse("knowledge:search"), {"q": "guide", "kind": "nope"}, **EN)
    assert page.status_code == 200


def test_list_pages_pin_their_query_counts(client, content, django_assert_max_num_queries):
    for name in ("home", "country_list", "case_list", "guide_list", "bulletin_list"):
        with django_assert_max_num_queries(12):
            assert client.get(reverse(f"knowledge:{name}")).status_code == 200


def test_case_list_filters_by_dispute_type(client, content):
    page = client.get(reverse("knowledge:case_list"), {"dispute_type": "itc_337"}, **EN)
    assert "ITC exclusion order" in page.content.decode()
    page = client.get(reverse("knowledge:case_list"), {"dispute_type": "arbitration"}, **EN)
    assert "ITC exclusion order" not in page.content.decode()


def test_the_navigation_shows_the_information_service_to_visitors(client):
    page = client.get(reverse("knowledge:home"), **EN)
    assert reverse("knowledge:home") in page.content.decode()
