"""A visitor, in the Chinese interface and without logging in, searches for "337" and opens the
United States country profile from the results."""

import re

import pytest

from oipa.core.taxonomy.loader import sync_reference_data
from oipa.knowledge.content.loader import load_country_profiles
from oipa.knowledge.search.index import rebuild_index

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def knowledge():
    sync_reference_data()  # transactional tests start from empty tables
    load_country_profiles()
    return rebuild_index()


def test_a_visitor_searches_337_and_opens_the_us_profile(page, knowledge):
    assert knowledge >= 5
    page.goto("/knowledge/")
    page.get_by_role("heading", name="信息服务", exact=False).or_(
        page.get_by_role("heading", name="Information service")
    ).first.wait_for()
    page.locator("#id_q").fill("337")
    page.locator("form[role=search] button[type=submit]").click()
    result = page.locator("#search-results").get_by_role(
        "link", name=re.compile("美国知识产权制度与纠纷应对")
    )
    result.wait_for()
    assert "<mark>337</mark>" in page.locator("#search-results").inner_html()
    with page.expect_navigation():
        result.click()
    page.get_by_role("heading", level=1, name="美国知识产权制度与纠纷应对").wait_for()
    assert "/knowledge/profiles/" in page.url
    assert "19 C.F.R. §210.13" in page.content()
