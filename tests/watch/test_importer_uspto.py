"""Reading USPTO trademark-applications-daily XML: real records, DTD-shaped samples, a malformed
record, a broken file, and a ZIP bulk file."""

import io
import zipfile
from datetime import date

import pytest

from oipa.watch.builders import CaseFile, gazette_xml
from oipa.watch.importers import ImportFileError, PublicationRecord, RecordError
from oipa.watch.importers.uspto_xml import read


def records(data):
    return list(read(data))


def test_it_reads_a_real_madrid_record_published_for_opposition(shared_data):
    folder = shared_data / "uspto_trademark"
    prolog = (folder / "application-v2-current.xml").read_text(encoding="utf-8")
    record = (folder / "records" / "publication-after-79366581.xml").read_text(encoding="utf-8")
    document = gazette_xml([record]).decode().split("\n", 1)[1]
    [(position, found)] = records((prolog + document).encode())
    assert isinstance(found, PublicationRecord)
    assert found.serial_number == "79366581"
    assert found.mark_text == "NITRO GLISSERIN"
    assert found.publication_date == date(2024, 2, 20)
    assert found.filing_date == date(2022, 12, 27)
    assert found.nice_classes == [3, 18, 32, 35]
    assert found.owner_name == "GIORGI TVILDIANI"
    assert found.owner_nationality == "GE"
    assert "Istanbul" in found.owner_address
    assert "BAYRAMOGLU" in found.correspondent
    assert found.raw["ir_number"] == "1722108"
    assert "79366581" in position


def test_it_reads_a_real_new_application_without_publication(shared_data):
    record = (shared_data / "uspto_trademark/records/daily-na-98763166.xml").read_text()
    [(_position, found)] = records(gazette_xml([record]))
    assert (found.serial_number, found.mark_text) == ("98763166", "SUVENEER")
    assert found.publication_date is None
    assert found.nice_classes == [16]
    assert (found.owner_name, found.owner_nationality) == ("Nguyen Quang Huy", "VN")


def test_a_malformed_record_is_reported_with_its_position_and_the_others_are_read():
    data = gazette_xml(
        [
            CaseFile("90000001", "XIAOMI-TECH", published=date(2026, 10, 20)),
            CaseFile("", "NO SERIAL"),
            CaseFile("90000003", "BAD DATE").__class__("90000003", "OK", classes=[9, 35]),
        ]
    ).replace(b"<serial-number></serial-number>", b"")
    found = records(data)
    assert [type(r).__name__ for _p, r in found] == [
        "PublicationRecord",
        "RecordError",
        "PublicationRecord",
    ]
    assert found[1][0] == "case-file 2"
    assert "serial-number" in str(found[1][1])
    assert found[2][1].nice_classes == [9, 35]


def test_a_bad_date_is_a_malformed_record():
    data = gazette_xml([CaseFile("90000009", "ACME")]).replace(b"20261001", b"2026-13-99")
    [(_position, found)] = records(data)
    assert isinstance(found, RecordError) and "filing-date" in str(found)


def test_a_file_that_breaks_off_keeps_the_records_before_the_break():
    data = gazette_xml([CaseFile("90000001", "ONE"), CaseFile("90000002", "TWO")])
    cut = data[: data.index(b"<serial-number>90000002") + 30]
    found = records(cut)
    assert isinstance(found[0][1], PublicationRecord)
    assert isinstance(found[-1][1], RecordError) and "line" in found[-1][0]


def test_a_file_that_is_not_xml_is_refused_as_a_whole():
    with pytest.raises(ImportFileError):
        records(b"serial,mark\n1,2\n")


def test_it_reads_the_xml_inside_a_zip_bulk_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("apc261020.xml", gazette_xml([CaseFile("90000001", "ONE")]))
    [(_position, found)] = records(buffer.getvalue())
    assert found.serial_number == "90000001"
