"""Search: segmentation, ranking, visibility, facets, highlighting, and hostile input."""

from __future__ import annotations

import pytest

from oipa.knowledge import services
from oipa.knowledge.builders import build_bulletin, build_case, build_guide
from oipa.knowledge.search.index import rebuild_index, update_documents
from oipa.knowledge.search.query import Filters, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(editor, on_commit):
    with on_commit():
        squatting = build_case(
            actor=editor,
            title_zh="跨境电商品牌在美国遭遇商标抢注",
            title_en="Brand squatted in the United States",
            facts_zh="某北京企业发现其品牌被第三方在美国专利商标局抢先申请注册，随即提出异议。",
            jurisdiction="US",
            ip_type="trademark",
            industry="F",
        )
        patent = build_case(
            actor=editor,
            title_zh="欧盟外观设计纠纷",
            title_en="Design dispute in the EU",
            facts_zh="该案也涉及商标抢注的背景，但核心是外观设计。",
            jurisdiction="EU",
            ip_type="design",
            industry="C",
        )
    return squatting, patent


def test_finds_a_chinese_word_inside_longer_text(cases):
    results = search("抢注")
    assert {h.key for h in results.hits} == {str(c.code) for c in cases}
    assert search("抢先申请").hits  # a phrase inside the facts of the first case


def test_ranks_title_hits_above_body_hits(cases):
    squatting, patent = cases
    keys = [h.key for h in search("商标抢注").hits]
    assert keys == [str(squatting.code), str(patent.code)]


def test_english_is_case_insensitive(cases):
    assert [h.key for h in search("SQUATTED").hits] == [str(cases[0].code)]


def test_every_word_must_occur(cases):
    assert len(search("抢注 外观设计").hits) == 1
    assert search("抢注 nonexistentword").hits == []


def test_facets_count_and_filter(cases):
    results = search("抢注")
    assert results.facets["jurisdiction"] == {"US": 1, "EU": 1}
    assert results.facets["kind"] == {"case": 2}
    assert [h.key for h in search("抢注", filters=Filters(jurisdiction="EU")).hits] == [
        str(cases[1].code)
    ]
    assert len(search("抢注", filters=Filters(ip_type="trademark")).hits) == 1
    assert len(search("抢注", filters=Filters(industry="C")).hits) == 1
    assert search("抢注", filters=Filters(kind="guide")).hits == []


def test_snippets_highlight_the_words_and_escape_html(editor, on_commit):
    with on_commit():
        build_case(
            actor=editor,
            title_en="Counterfeit <script>alert(1)</script> seized",
            facts_en="Customs seized counterfeit goods at the port.",
        )
    hit = search("counterfeit").hits[0]
    assert "<mark>Counterfeit</mark>" in hit.title_html
    assert "<script>" not in hit.title_html and "&lt;script&gt;" in hit.title_html
    assert "<mark>counterfeit</mark>" in hit.snippet_html


def test_unpublished_items_never_appear(editor, on_commit):
    with on_commit():
        draft = build_case(actor=editor, publish_it=False, title_en="Hidden draft zebra")
        published = build_bulletin(actor=editor, title_en="Public zebra bulletin")
    assert [h.key for h in search("zebra").hits] == [str(published.code)]
    with on_commit():
        services.submit_for_review(actor=editor, item=draft)
    assert len(search("zebra").hits) == 1
    with on_commit():
        services.archive_item(actor=editor, item=published)
    assert search("zebra").hits == []
    rebuild_index()
    assert search("zebra").hits == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "!!! ??? 。。。",
        '"',
        '"unbalanced',
        "*",
        "NEAR(",
        "a NEAR b",
        "- OR AND NOT",
        "title:abc",
        "'; DROP TABLE knowledge_searchentry; --",
        "^x {y} (z",
        "抢注" * 5000,
        "x" * 100_000,
    ],
)
def test_hostile_or_empty_input_never_errors(cases, text):
    results = search(text)
    assert isinstance(results.hits, list)


def test_operators_are_plain_words(editor, on_commit):
    with on_commit():
        build_guide(actor=editor, title_en="Near-field communication patents")
    assert len(search("near").hits) == 1
    assert search("NOT near").hits == []  # "not" is just a word that does not occur


def test_rebuild_covers_profiles_and_update_removes_vanished_keys(editor, on_commit):
    assert rebuild_index() >= 5
    assert search("337").hits[0].kind == "profile"
    update_documents("case", ["00000000-0000-0000-0000-000000000000"])
    update_documents("unknown-kind", ["x"])


def test_guides_and_bulletins_carry_their_tags(editor, on_commit):
    with on_commit():
        build_guide(
            actor=editor,
            title_zh="跨境电商知识产权指引",
            jurisdictions=("US", "GB"),
            industries=("F",),
            ip_types=["trademark"],
        )
    results = search("跨境电商")
    assert results.facets["jurisdiction"] == {"US": 1, "GB": 1}
    assert results.facets["industry"] == {"F": 1}
    assert len(search("跨境电商", filters=Filters(jurisdiction="GB")).hits) == 1
