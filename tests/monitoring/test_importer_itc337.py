"""US ITC Section 337 investigations from the USITC 337Info export (JSON) and from a table with
337Info's column names (small samples in `samples/`, written after the real export's fields)."""

from __future__ import annotations

from pathlib import Path

from oipa.monitoring import services
from oipa.monitoring.deadlines import estimate_deadline
from oipa.monitoring.importers import itc337
from oipa.monitoring.importers.base import DisputeRecord, RecordError
from oipa.monitoring.models import Dispute, RunStatus, SourceKind

SAMPLES = Path(__file__).parent / "samples"
EXPORT = (SAMPLES / "337info_export.json").read_bytes()
TABLE = (SAMPLES / "337info_search_results.csv").read_bytes()


def test_it_reads_the_337info_export_with_parties_countries_and_unfair_acts():
    items = list(itc337.read(EXPORT))
    assert [p for p, _r in items] == ["record 1", "record 2", "record 3", "record 4"]
    first = items[0][1]
    assert isinstance(first, DisputeRecord)
    assert first.external_id == first.case_number == "337-TA-1401"
    assert first.forum == "U.S. International Trade Commission"
    assert first.filed_on.isoformat() == "2024-04-02"
    assert first.raw["instituted_on"] == "2024-05-08"
    assert first.raw["patents"] == ["11,234,567"]
    assert (first.dispute_type, first.ip_type) == ("itc_337", "patent")
    assert first.url == "https://pubapps2.usitc.gov/337external/8123"
    assert [(p.role, p.name, p.country) for p in first.parties] == [
        ("complainant", "Acme Audio Inc.", "US"),
        ("respondent", "Beijing Xinghe Zhilian Technology Co., Ltd.", "CN"),
        ("respondent", "Soundwave Electronics Ltd.", "TW"),
    ]


def test_trademark_and_trade_dress_acts_make_a_trademark_case():
    second = list(itc337.read(EXPORT))[1][1]
    assert second.ip_type == "trademark"
    assert "Trade Dress Infringement" in second.nature_text


def test_a_bad_number_or_date_is_reported_with_its_position():
    items = list(itc337.read(EXPORT))
    assert isinstance(items[2][1], RecordError) and "337-TA" in str(items[2][1])
    assert isinstance(items[3][1], RecordError) and "dateComplaintFiled" in str(items[3][1])


def test_it_reads_a_table_with_337info_display_columns():
    items = list(itc337.read(TABLE))
    record = items[0][1]
    assert items[0][0] == "row 2"
    assert record.external_id == "337-TA-1404"
    assert record.filed_on.isoformat() == "2024-05-02"
    assert record.raw["instituted_on"] == "2024-06-05"
    assert [(p.name, p.country) for p in record.parties] == [
        ("Volt Inc.", "US"),
        ("Tianjin Haigang New Materials Co., Ltd.", "CN"),
        ("OnePlus Technology (Shenzhen) Co., Ltd.", ""),
    ]
    assert items[1][0] == "row 3" and isinstance(items[1][1], RecordError)


def test_a_file_that_is_not_an_export_is_refused_whole(make_source):
    source = make_source(SourceKind.ITC337, "itc")
    run = services.import_source(source=source, file=b'{"something": "else"}')
    assert run.status == RunStatus.FAILED and "337Info" in run.error


def test_an_import_stores_the_good_records_lists_the_bad_and_is_idempotent(make_source):
    source = make_source(SourceKind.ITC337, "itc")
    run = services.import_source(source=source, file=EXPORT)
    assert run.status == RunStatus.PARTIAL
    assert (run.read, run.new, run.failed) == (4, 2, 2)
    assert [n["position"] for n in run.notes] == ["record 3", "record 4"]
    dispute = Dispute.objects.get(external_id="337-TA-1401")
    assert dispute.parties.get(name__startswith="Beijing").country == "CN"
    again = services.import_source(source=source, file=EXPORT)
    assert (again.new, again.unchanged) == (0, 2)
    assert Dispute.objects.count() == 2


def test_the_response_is_estimated_from_the_notice_of_institution(make_source):
    source = make_source(SourceKind.ITC337, "itc")
    services.import_source(source=source, file=EXPORT)
    dispute = Dispute.objects.get(external_id="337-TA-1401")
    estimate = estimate_deadline(dispute)
    assert estimate.service_assumed_on.isoformat() == "2024-05-08"
    assert estimate.deadline.isoformat() == "2024-05-28"
