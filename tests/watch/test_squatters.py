"""Serial squatters: owners whose filings resemble several different watched brands."""

from datetime import date

import pytest

from oipa.watch import owners
from oipa.watch.builders import CaseFile, build_watched_mark

from .helpers import import_sample

pytestmark = pytest.mark.django_db

SQUATTER = "Lucky Star Trading Co., Ltd."


def test_an_owner_hitting_three_brands_is_a_serial_squatter(
    personas, django_capture_on_commit_callbacks
):
    chaoyang, haidian = personas["chaoyang"], personas["haidian"]
    build_watched_mark(chaoyang, "小米", nice_classes=[9])
    build_watched_mark(haidian, "华为", nice_classes=[9])
    build_watched_mark(haidian, "李宁", nice_classes=[25])
    filings = [
        CaseFile("91000001", "XIAOMI", owner=SQUATTER, published=date(2026, 10, 20)),
        CaseFile("91000002", "HUAWEI PRO", owner="LUCKY STAR TRADING CO LTD"),
        CaseFile("91000003", "LINING", classes=[25], owner=SQUATTER),
        CaseFile("91000004", "LINING", classes=[25], owner="Honest Shoes Inc."),
    ]
    import_sample(personas["staff"], filings, capture=django_capture_on_commit_callbacks)
    [squatter] = owners.serial_squatters()
    assert squatter.owner_normalized == owners.normalize_owner(SQUATTER) == "lucky star"
    assert (squatter.brands, squatter.publications) == (3, 3)
    assert owners.portfolio("lucky star").count() == 3
    assert owners.brands_hit_by(owners.normalize_owner("Honest Shoes Inc.")) == 1


def test_owner_names_are_grouped_without_legal_forms_and_punctuation():
    assert owners.normalize_owner("Shenzhen XYZ Trading Co., Ltd.") == "shenzhen xyz"
    assert owners.normalize_owner("SHENZHEN XYZ CO LTD") == "shenzhen xyz"


def test_an_owner_filing_many_chinese_looking_marks_is_flagged_too(personas, settings):
    settings.WATCH_SERIAL_MIN_CHINESE_MARKS = 3
    filings = [
        CaseFile("91100001", "HAIGANG", owner="Pacific Brands LLC"),
        CaseFile("91100002", "QINGYUAN", owner="Pacific Brands LLC"),
        CaseFile("91100003", "燕赵", owner="Pacific Brands LLC"),
        CaseFile("91100004", "GARDEN ROSE", owner="Pacific Brands LLC"),
        CaseFile("91100005", "XINGHE", owner="Other Owner Inc."),
    ]
    import_sample(personas["staff"], filings)
    [squatter] = owners.serial_squatters()
    assert (squatter.owner_name, squatter.chinese_marks, squatter.brands) == (
        "Pacific Brands LLC",
        3,
        0,
    )
