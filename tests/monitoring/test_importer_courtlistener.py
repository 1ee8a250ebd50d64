"""CourtListener v4 dockets and search results, from a file or through the API (no network)."""

from __future__ import annotations

import json

import httpx
import pytest

from oipa.monitoring import services
from oipa.monitoring.importers import courtlistener
from oipa.monitoring.importers.base import DisputeRecord, RecordError, Skip
from oipa.monitoring.models import Dispute, RunStatus, SourceKind


def docket(**overrides):
    """A v4 docket as /api/rest/v4/dockets/<id>/ returns it, with parties embedded."""
    base = {
        "resource_uri": "https://www.courtlistener.com/api/rest/v4/dockets/68971234/",
        "id": 68971234,
        "court": "https://www.courtlistener.com/api/rest/v4/courts/ilnd/",
        "court_id": "ilnd",
        "case_name": "Acme Brands LLC v. The Partnerships and Unincorporated Associations "
        "Identified on Schedule A",
        "case_name_full": "",
        "docket_number": "1:24-cv-01234",
        "date_filed": "2024-02-06",
        "date_terminated": None,
        "nature_of_suit": "840 Trademark",
        "cause": "15:1114 Trademark Infringement",
        "jury_demand": "Plaintiff",
        "absolute_url": "/docket/68971234/acme-brands-llc-v-the-partnerships/",
        "pacer_case_id": "455001",
        "parties": [
            {"name": "Acme Brands LLC", "party_types": [{"name": "Plaintiff"}]},
            {
                "name": "Shenzhen Xinghe Zhilian Technology Co., Ltd.",
                "party_types": [{"name": "Defendant"}],
            },
        ],
    }
    return {**base, **overrides}


def search_result(**overrides):
    """A v4 RECAP search result (type=r)."""
    base = {
        "docket_id": 70112233,
        "caseName": "OnePlus Ltd. v. Tianjin Haigang New Materials Co., Ltd.",
        "court": "District Court, E.D. Texas",
        "court_id": "txed",
        "dateFiled": "2025-05-12",
        "docketNumber": "2:25-cv-00501",
        "suitNature": "830 Patent",
        "cause": "35:271 Patent Infringement",
        "docket_absolute_url": "/docket/70112233/oneplus-ltd-v-tianjin-haigang/",
        "party": ["OnePlus Ltd.", "Tianjin Haigang New Materials Co., Ltd.", "Haigang USA Inc."],
    }
    return {**base, **overrides}


def _read(payload):
    return list(courtlistener.read(json.dumps(payload).encode()))


def test_it_reads_a_docket_with_its_parties_and_nature_of_suit():
    [(position, record)] = _read(docket())
    assert position == "record 1"
    assert record.external_id == "68971234"
    assert (record.nature_code, record.nature_text) == ("840", "Trademark")
    assert record.is_schedule_a
    assert record.url == (
        "https://www.courtlistener.com/docket/68971234/acme-brands-llc-v-the-partnerships/"
    )
    assert [(p.role, p.name) for p in record.parties] == [
        ("plaintiff", "Acme Brands LLC"),
        ("defendant", "Shenzhen Xinghe Zhilian Technology Co., Ltd."),
    ]


def test_it_reads_a_page_of_search_results_with_roles_from_the_case_name():
    [(_p, record)] = _read({"count": 1, "next": None, "results": [search_result()]})
    assert record.forum == "District Court, E.D. Texas"
    assert record.filed_on.isoformat() == "2025-05-12"
    assert [(p.role, p.name) for p in record.parties] == [
        ("plaintiff", "OnePlus Ltd."),
        ("defendant", "Tianjin Haigang New Materials Co., Ltd."),
        ("other", "Haigang USA Inc."),
    ]


def test_it_skips_natures_of_suit_that_are_not_ip():
    [(_p, record)] = _read([docket(nature_of_suit="190 Contract: Other", case_name="A v. B")])
    assert isinstance(record, Skip)
    assert "190" in record.reason


def test_a_record_without_id_or_with_a_bad_date_is_reported_and_the_rest_goes_on():
    items = _read([docket(id=None), docket(date_filed="06/02/2024"), docket(id=2)])
    assert [type(r) for _p, r in items] == [RecordError, RecordError, DisputeRecord]
    assert items[1][0] == "record 2"
    assert "date" in str(items[1][1])


def test_an_update_on_a_later_import_is_recorded_as_a_change(make_source):
    source = make_source(SourceKind.COURTLISTENER, "cl")
    services.import_source(source=source, file=json.dumps(docket()).encode())
    changed = docket(cause="15:1125 False Designation of Origin")
    run = services.import_source(source=source, file=json.dumps(changed).encode())
    assert (run.new, run.updated) == (0, 1)
    dispute = Dispute.objects.get(source=source)
    [change] = dispute.changes.all()
    assert change.changes == {
        "cause": ["15:1114 Trademark Infringement", "15:1125 False Designation of Origin"]
    }
    assert change.run == run


class TestFetchingFromTheApi:
    @pytest.fixture
    def source(self, make_source):
        return make_source(
            SourceKind.COURTLISTENER,
            "cl-api",
            url="https://www.courtlistener.com/api/rest/v4/search/?type=r&q=schedule+a",
        )

    def test_it_sends_the_token_and_follows_the_next_pages(self, source, settings):
        settings.COURTLISTENER_TOKEN = "secret-token"
        seen = []

        def answer(request):
            seen.append((str(request.url), request.headers.get("Authorization")))
            if "cursor" in str(request.url):
                return httpx.Response(200, json={"next": None, "results": [search_result()]})
            page2 = f"{source.url}&cursor=2"
            return httpx.Response(200, json={"next": page2, "results": [docket()]})

        run = services.import_source(source=source, transport=httpx.MockTransport(answer))
        assert (run.status, run.read, run.new) == (RunStatus.SUCCEEDED, 2, 2)
        assert [auth for _url, auth in seen] == ["Token secret-token"] * 2

    def test_an_api_error_fails_the_run_with_the_reason(self, source):
        transport = httpx.MockTransport(lambda request: httpx.Response(401, json={}))
        run = services.import_source(source=source, transport=transport)
        assert run.status == RunStatus.FAILED
        assert "401" in run.error
