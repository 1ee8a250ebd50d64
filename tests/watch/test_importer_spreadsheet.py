"""The gazette template (CSV/Excel) for EUIPO, UKIPO and WIPO."""

import io

import pytest
from openpyxl import Workbook

from oipa.watch.builders import gazette_csv
from oipa.watch.importers import ImportFileError, RecordError
from oipa.watch.importers.spreadsheet import COLUMNS, read


def test_it_reads_rows_with_office_classes_and_dates():
    data = gazette_csv(
        [
            {
                "office": "EUIPO",
                "serial_number": "019000001",
                "mark": "HUAWAY",
                "publication_date": "2026-10-20",
                "nice_classes": "9; 35",
                "owner": "Nice Trading Ltd",
                "owner_country": "gb",
            }
        ]
    )
    [(position, record)] = list(read(data))
    assert position == "row 2"
    assert (record.office, record.serial_number, record.mark_text) == (
        "euipo",
        "019000001",
        "HUAWAY",
    )
    assert record.nice_classes == [9, 35]
    assert record.publication_date.isoformat() == "2026-10-20"
    assert record.owner_nationality == "GB"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"office": "jpo", "serial_number": "1", "mark": "A"}, "office"),
        ({"office": "ukipo", "serial_number": "", "mark": "A"}, "required"),
        ({"office": "ukipo", "serial_number": "1", "mark": "A", "nice_classes": "77"}, "1 to 45"),
        ({"office": "ukipo", "serial_number": "1", "mark": "A", "filing_date": "soon"}, "date"),
    ],
)
def test_bad_rows_are_reported_with_their_reason(row, reason):
    [(_position, error)] = list(read(gazette_csv([row])))
    assert isinstance(error, RecordError) and reason in str(error)


def test_it_reads_an_excel_workbook():
    book = Workbook()
    book.active.append(list(COLUMNS))
    book.active.append(["wipo", "1722108", "XIAOMI", "", "2026-10-01", "9"])
    buffer = io.BytesIO()
    book.save(buffer)
    [(_position, record)] = list(read(buffer.getvalue()))
    assert (record.office, record.mark_text, record.nice_classes) == ("wipo", "XIAOMI", [9])


def test_a_file_without_the_required_columns_is_refused():
    with pytest.raises(ImportFileError):
        list(read(b"foo,bar\n1,2\n"))
