"""US ITC Section 337 investigations in our documented CSV and JSON layouts."""

from __future__ import annotations

import json

from oipa.monitoring import services
from oipa.monitoring.importers import itc337
from oipa.monitoring.importers.base import DisputeRecord, RecordError
from oipa.monitoring.models import Dispute, RunStatus, SourceKind

CSV = (
    "inv_no,title,complainants,respondents,filed_on,instituted_on,url\n"
    "337-TA-1401,Certain Wireless Earbuds and Components Thereof,Acme Audio Inc.,"
    "Beijing Xinghe Zhilian Technology Co. Ltd.; Shenzhen Soundwave Co. Ltd.,"
    "2024-04-02,2024-05-03,https://www.usitc.gov/secretary/fed_reg_notices/337/337_1401.htm\n"
    "TA-99,Broken number,X,Y,2024-01-01,,\n"
    "337-TA-1402,Certain Robotic Vacuums,Clean Co.,Hebei Yanzhao Electric Appliance Co. Ltd.,"
    "2024-13-01,,\n"
)


def test_it_reads_investigations_and_reports_bad_rows_with_their_numbers():
    items = list(itc337.read(CSV.encode()))
    assert [p for p, _r in items] == ["row 2", "row 3", "row 4"]
    first = items[0][1]
    assert isinstance(first, DisputeRecord)
    assert first.external_id == first.case_number == "337-TA-1401"
    assert first.forum == "U.S. International Trade Commission"
    assert [(p.role, p.name) for p in first.parties] == [
        ("complainant", "Acme Audio Inc."),
        ("respondent", "Beijing Xinghe Zhilian Technology Co. Ltd."),
        ("respondent", "Shenzhen Soundwave Co. Ltd."),
    ]
    assert first.raw["instituted_on"] == "2024-05-03"
    assert isinstance(items[1][1], RecordError) and "337-TA" in str(items[1][1])
    assert isinstance(items[2][1], RecordError) and "date" in str(items[2][1])


def test_it_reads_the_json_layout():
    payload = {
        "investigations": [
            {
                "inv_no": "337-ta-1403",
                "title": "Certain LED Lamps",
                "complainants": ["Bright Corp."],
                "respondents": ["Tianjin Haigang New Materials Co., Ltd."],
                "instituted_on": "2024-06-10",
            },
            "not an object",
        ]
    }
    items = list(itc337.read(json.dumps(payload).encode()))
    assert items[0][1].external_id == "337-TA-1403"
    assert items[0][1].filed_on.isoformat() == "2024-06-10"
    assert items[1][0] == "record 2" and isinstance(items[1][1], RecordError)


def test_an_import_stores_the_good_rows_and_lists_the_bad_ones(make_source):
    source = make_source(SourceKind.ITC337, "itc")
    run = services.import_source(source=source, file=CSV.encode())
    assert run.status == RunStatus.PARTIAL
    assert (run.read, run.new, run.failed) == (3, 1, 2)
    assert [n["position"] for n in run.notes] == ["row 3", "row 4"]
    assert Dispute.objects.get().parties.count() == 3
