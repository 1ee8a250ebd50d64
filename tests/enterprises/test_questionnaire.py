"""The shipped questionnaire: bilingual, scored by section, with linked advice."""

import pytest
from django.utils import translation

from oipa.enterprises import questionnaire
from oipa.enterprises.builders import answers


def test_every_question_has_chinese_and_english_text_and_advice():
    for section in questionnaire.sections():
        assert section.zh and section.en
        for q in section.questions:
            assert q.zh and q.en and q.advice_zh and q.advice_en
    keys = questionnaire.question_keys()
    assert len(keys) == len(set(keys))
    assert {s.key for s in questionnaire.sections()} == {
        "markets",
        "fto",
        "secrets",
        "ecommerce",
        "contracts",
    }


def test_sections_are_scored_as_a_percentage_and_na_is_not_counted():
    result = questionnaire.score(
        answers(
            markets_registered="no",
            markets_watch="partly",
            markets_local_names="na",
            fto_before_launch="na",
            fto_design_around="na",
        )
    )
    assert result.by_section["markets"] == 25  # (0 + 1) / 4
    assert result.by_section["fto"] is None
    assert result.by_section["secrets"] == 100
    assert result.total == round((25 + 100 + 100 + 100) / 4)


def test_recommendations_put_no_before_partly_and_link_to_existing_pages():
    found = questionnaire.recommendations(
        answers(markets_watch="partly", ecommerce_listing_check="no")
    )
    assert [r.question.key for r in found] == ["ecommerce_listing_check", "markets_watch"]
    with translation.override("en"):
        labels = [link.label for r in found for _url, link in r.links]
    assert "Overseas IP protection guides" in labels


@pytest.mark.parametrize(
    "lang, expected", [("en", "Freedom to operate"), ("zh-hans", "自由实施（FTO）调查")]
)
def test_titles_follow_the_language(lang, expected):
    with translation.override(lang):
        assert questionnaire.sections()[1].title == expected
