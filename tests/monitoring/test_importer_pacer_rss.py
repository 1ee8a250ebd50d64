"""PACER RSS feeds: parsed like juriscraper's golden outputs, imported once, re-imported idly."""

from __future__ import annotations

import json

import pytest

from oipa.monitoring import services
from oipa.monitoring.importers import pacer_rss
from oipa.monitoring.importers.base import DisputeRecord, ImportFileError, Skip
from oipa.monitoring.models import Dispute, RunStatus, SourceKind

FEEDS = ["sdny_1", "nyed_1", "cafc", "mdb_1"]


def _feed(shared_data, name):
    return (shared_data / "pacer" / "rss_feeds" / f"{name}.xml").read_bytes()


def _expected(shared_data, name):
    return json.loads((shared_data / "pacer" / "rss_feeds" / f"{name}.json").read_text())


@pytest.mark.parametrize("name", FEEDS)
def test_it_reads_the_same_cases_as_juriscrapers_expected_output(shared_data, name):
    court = name.split("_")[0]
    items = list(pacer_rss.read(_feed(shared_data, name), options={"court_id": court}))
    expected = _expected(shared_data, name)
    cases = {(d["court_id"], d["pacer_case_id"] or d["docket_number"]) for d in expected}
    names = {(d["docket_number"], d["case_name"]) for d in expected}
    assert len(items) == len(cases)
    for _position, record in items:
        if isinstance(record, DisputeRecord):
            assert tuple(record.external_id.split(":", 1)) in cases
            assert (record.raw["docket_number"], record.raw["case_name"]) in names


def test_it_keeps_civil_cases_and_skips_criminal_ones_in_a_district_feed(shared_data):
    items = list(pacer_rss.read(_feed(shared_data, "nyed_1"), options={"court_id": "nyed"}))
    kept = [r for _p, r in items if isinstance(r, DisputeRecord)]
    skipped = [r for _p, r in items if isinstance(r, Skip)]
    assert kept and skipped
    assert all("-cv-" in r.case_number for r in kept)
    assert {s.reason for s in skipped} == {"not a civil case"}


def test_it_takes_the_court_from_the_feed_when_the_source_names_none(shared_data):
    items = list(pacer_rss.read(_feed(shared_data, "sdny_1")))
    assert items[0][1].court_id == "sdny"


def test_it_finds_the_trademark_case_and_its_parties(shared_data):
    items = pacer_rss.read(_feed(shared_data, "sdny_1"), options={"court_id": "sdny"})
    moma = next(r for _p, r in items if "MoMaCha" in getattr(r, "title", ""))
    assert moma.case_number == "1:18-cv-03364"
    assert [(p.role, p.name) for p in moma.parties] == [
        ("plaintiff", "The Museum of Modern Art"),
        ("defendant", "MoMaCha IP LLC"),
    ]
    assert moma.url.endswith("DktRpt.pl?492152") or "DktRpt.pl?" in moma.url


def test_an_unknown_nature_can_be_skipped_by_option(shared_data):
    items = pacer_rss.read(
        _feed(shared_data, "sdny_1"), options={"court_id": "sdny", "unknown_nature": "skip"}
    )
    assert all(isinstance(r, Skip) for _p, r in items)


def test_a_schedule_a_title_is_recognised_and_its_defendants_are_a_placeholder():
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>N.D. Ill.</title>
<link>https://ecf.ilnd.uscourts.gov</link>
<item><title>1:24-cv-01234 Acme Brands LLC v. The Partnerships and Unincorporated Associations
Identified on Schedule A</title>
<link>https://ecf.ilnd.uscourts.gov/cgi-bin/DktRpt.pl?455001</link>
<description>[Complaint] (&lt;a href="https://ecf.ilnd.uscourts.gov/doc1/067129998?caseid=455001&amp;de_seq_num=1"&gt;1&lt;/a&gt;)</description>
<guid>https://ecf.ilnd.uscourts.gov/cgi-bin/DktRpt.pl?455001&amp;1</guid>
<pubDate>Tue, 06 Feb 2024 15:02:11 GMT</pubDate></item></channel></rss>"""
    [(position, record)] = list(pacer_rss.read(feed, options={"court_id": "ilnd"}))
    assert position == "item 1"
    assert record.is_schedule_a
    assert record.filed_on.isoformat() == "2024-02-06"
    assert record.parties[1].placeholder


def test_a_file_that_is_not_a_feed_is_refused_with_the_reason():
    with pytest.raises(ImportFileError, match="Not a readable RSS feed"):
        list(pacer_rss.read(b"<rss><channel><item><title>1:24", options={"court_id": "ilnd"}))


def test_an_item_without_a_docket_number_is_reported_with_its_position():
    feed = b"""<rss version="2.0"><channel><item><title>no number here</title>
<link>https://ecf.ilnd.uscourts.gov/cgi-bin/DktRpt.pl?1</link><description>[x]</description>
<pubDate>Tue, 06 Feb 2024 15:02:11 GMT</pubDate></item></channel></rss>"""
    [(position, error)] = list(pacer_rss.read(feed, options={"court_id": "ilnd"}))
    assert position == "item 1"
    assert "docket number" in str(error)


class TestImportingAFeed:
    @pytest.fixture
    def source(self, make_source):
        return make_source(SourceKind.PACER_RSS, "sdny-rss", config={"court_id": "sdny"})

    def test_it_counts_what_it_read_and_stored(self, shared_data, source):
        run = services.import_source(source=source, file=_feed(shared_data, "sdny_1"))
        assert run.status == RunStatus.SUCCEEDED
        assert run.read == 249
        assert run.new + run.skipped == 249
        assert Dispute.objects.filter(source=source).count() == run.new
        source.refresh_from_db()
        assert source.last_run == run and source.last_success_at is not None

    def test_a_second_import_of_the_same_feed_creates_and_changes_nothing(
        self, shared_data, source
    ):
        services.import_source(source=source, file=_feed(shared_data, "sdny_1"))
        again = services.import_source(source=source, file=_feed(shared_data, "sdny_1"))
        assert (again.new, again.updated) == (0, 0)
        assert again.unchanged + again.skipped == again.read

    def test_a_broken_feed_fails_the_run_and_keeps_what_is_stored(self, shared_data, source):
        services.import_source(source=source, file=_feed(shared_data, "sdny_1"))
        stored = Dispute.objects.count()
        run = services.import_source(source=source, file=b"<rss><channel><item>")
        assert run.status == RunStatus.FAILED
        assert "RSS" in run.error
        assert Dispute.objects.count() == stored
        source.refresh_from_db()
        assert source.last_run == run


def test_a_feed_cut_short_keeps_its_readable_items_and_notes_where_it_broke(shared_data):
    data = _feed(shared_data, "sdny_1")
    cut = data[: data.index(b"<item>", 5000) + 30]
    items = list(pacer_rss.read(cut, options={"court_id": "sdny"}))
    position, error = items[-1]
    assert position.startswith("line ")
    assert "malformed" in str(error)
    assert sum(isinstance(r, DisputeRecord) for _p, r in items) >= 3
