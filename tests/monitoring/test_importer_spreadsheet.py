"""The staff spreadsheet template, as CSV and as Excel, with a bad row."""

from __future__ import annotations

import io

from openpyxl import Workbook

from oipa.monitoring import services
from oipa.monitoring.importers import spreadsheet
from oipa.monitoring.importers.base import DisputeRecord
from oipa.monitoring.models import Dispute, RunStatus, SourceKind

ROWS = [
    ["reference", "title", "jurisdiction", "filed_on", "plaintiffs", "defendants", "schedule_a"],
    [
        "amz-2026-001",
        "Amazon complaint 1234",
        "US",
        "2026-03-02",
        "Acme Inc.",
        "XingheTech Store",
        "no",
    ],
    ["amz-2026-002", "Bad date", "US", "2 March", "", "Some Store", ""],
    ["", "No reference", "US", "", "", "Other Store", ""],
    ["cust-2026-003", "", "XX", "", "", "Seized goods owner", ""],
    [
        "cust-2026-004",
        "Customs seizure at Hamburg",
        "de",
        "2026-01-20",
        "",
        "河北燕赵电器有限公司; 燕赵",
        "是",
    ],
]


def _csv() -> bytes:
    return "\n".join(",".join(row) for row in ROWS).encode()


def _xlsx() -> bytes:
    workbook = Workbook()
    for row in ROWS:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_it_reads_good_rows_and_names_the_bad_cell_of_each_bad_row():
    items = list(spreadsheet.read(_csv()))
    assert [p for p, _r in items] == ["row 2", "row 3", "row 4", "row 5", "row 6"]
    assert isinstance(items[0][1], DisputeRecord)
    assert "filed_on" in str(items[1][1])
    assert "reference" in str(items[2][1])
    assert "jurisdiction" in str(items[3][1])
    last = items[4][1]
    assert last.jurisdiction == "DE" and last.is_schedule_a
    assert [p.name for p in last.parties] == ["河北燕赵电器有限公司", "燕赵"]


def test_an_excel_file_reads_like_the_csv():
    csv_items = [(p, type(r)) for p, r in spreadsheet.read(_csv())]
    xlsx_items = [(p, type(r)) for p, r in spreadsheet.read(_xlsx())]
    assert xlsx_items == csv_items


def test_an_import_of_the_excel_file_keeps_the_good_rows(make_source):
    source = make_source(SourceKind.SPREADSHEET, "staff-upload")
    run = services.import_source(source=source, file=_xlsx())
    assert run.status == RunStatus.PARTIAL
    assert (run.read, run.new, run.failed) == (5, 2, 3)
    assert {n["position"] for n in run.notes} == {"row 3", "row 4", "row 5"}
    assert set(Dispute.objects.values_list("external_id", flat=True)) == {
        "amz-2026-001",
        "cust-2026-004",
    }


def test_a_file_without_the_reference_column_fails_the_run(make_source):
    source = make_source(SourceKind.SPREADSHEET, "staff-upload")
    run = services.import_source(source=source, file=b"title,defendants\nx,y\n")
    assert run.status == RunStatus.FAILED
    assert "reference" in run.error


def test_a_corrupt_excel_file_fails_the_run(make_source):
    source = make_source(SourceKind.SPREADSHEET, "staff-upload")
    run = services.import_source(source=source, file=b"PK\x03\x04 not really a workbook")
    assert run.status == RunStatus.FAILED
    assert "Excel" in run.error


def test_the_downloadable_templates_import_cleanly(make_source):
    source = make_source(SourceKind.SPREADSHEET, "staff-upload")
    for data in (spreadsheet.template_csv(), spreadsheet.template_xlsx()):
        run = services.import_source(source=source, file=data)
        assert run.failed == 0 and run.read == 2
    assert Dispute.objects.count() == 2


def test_an_empty_value_in_a_later_upload_never_blanks_what_is_stored(make_source):
    source = make_source(SourceKind.SPREADSHEET, "staff-upload")
    services.import_source(source=source, file=_csv())
    poorer = b"reference,title,defendants\namz-2026-001,,XingheTech Store; Xinghe Official\n"
    run = services.import_source(source=source, file=poorer)
    assert run.updated == 1
    dispute = Dispute.objects.get(external_id="amz-2026-001")
    assert dispute.title == "Amazon complaint 1234"
    assert dispute.parties.count() == 3
    assert dispute.changes.get().changes == {"parties": ["Xinghe Official"]}
