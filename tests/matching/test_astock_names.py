"""The engine on real listed companies (../shared/data/cn_companies/Astock.csv)."""

import csv

import pytest

from oipa.matching import ALERT_THRESHOLD, EnterpriseRecord, MatchingEngine


@pytest.fixture
def astock(shared_data):
    with (shared_data / "cn_companies" / "Astock.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["fullname"] and r["enname"]]
    return rows[:600]


def test_official_english_names_find_enterprises_registered_with_them(astock):
    engine = MatchingEngine.build(
        EnterpriseRecord(r["ts_code"], [r["fullname"], r["enname"]], {r["enname"]: "english"})
        for r in astock
    )
    results = engine.match([r["enname"].upper() for r in astock], threshold=ALERT_THRESHOLD)
    right = sum(
        bool(f) and f[0].enterprise_id == r["ts_code"] for r, f in zip(astock, results, strict=True)
    )
    assert right / len(astock) >= 0.97


def test_chinese_parties_find_enterprises_by_their_chinese_names(astock):
    engine = MatchingEngine.build(EnterpriseRecord(r["ts_code"], [r["fullname"]]) for r in astock)
    results = engine.match([r["fullname"] for r in astock], threshold=ALERT_THRESHOLD)
    assert all(
        f and f[0].enterprise_id == r["ts_code"] for r, f in zip(astock, results, strict=True)
    )


def test_unregistered_companies_raise_few_alerts(astock):
    registered, others = astock[:300], astock[300:]
    engine = MatchingEngine.build(
        EnterpriseRecord(r["ts_code"], [r["fullname"], r["enname"]], {r["enname"]: "english"})
        for r in registered
    )
    results = engine.match([r["enname"] for r in others], threshold=ALERT_THRESHOLD)
    assert sum(bool(f) for f in results) / len(others) <= 0.03


def test_pinyin_english_names_match_chinese_only_registrations(astock):
    """Where the official English name is the pinyin of the Chinese one (平安 -> Ping An)."""
    engine = MatchingEngine.build(EnterpriseRecord(r["ts_code"], [r["fullname"]]) for r in astock)
    [found] = engine.match(["Ping An Bank Co., Ltd."], threshold=ALERT_THRESHOLD)
    assert found[0].enterprise_id == "000001.SZ"
    assert found[0].rule in {"pinyin", "english_form"}
