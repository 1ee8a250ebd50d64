"""USCC parsing and division tables checked against the real public samples in shared/data.

Skipped when shared/data is absent (OIPA_SHARED_DATA, else <repo>/../shared/data).
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from oipa.core.regions import parse_uscc, resolve_division
from oipa.core.regions.tables import current, provinces

SHARED = Path(
    os.environ.get("OIPA_SHARED_DATA")
    or Path(__file__).resolve().parents[2].parent / "shared" / "data"
)
EXPECTED_CODE = {
    "InvalidLength": "uscc_length",
    "InvalidFormat": "uscc_format",
    "InvalidChecksum": "uscc_checksum",
}
# Certificates whose State/Locality label names another province than the USCC prefix. Kept
# as found, not forced: 61 is right for a Xi'an company labelled "Shanxi" (a common slip for
# Shaanxi); the other four are companies whose certificate address is not where the code was
# issued (万宁 Hainan vs 421200 咸宁 Hubei; Lhasa vs Beijing 海淀; Hefei vs Hangzhou 萧山;
# Xiamen vs Shanghai 浦东).
KNOWN_DISAGREEMENTS = {
    "914212005539498738",
    "91610104MAC98H859T",
    "91110108753322186R",
    "91330109MA2HXDJ10C",
    "91310115MA1K3BXW5T",
}


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


def data_lines(path: Path) -> list[str]:
    return [
        line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()[:1] != "#"
    ]


def province_from_label(label: str) -> str | None:
    """Province code for a certificate label ("Beijing", "Fujian Sheng", "北京", "广东省")."""
    text = re.sub(r"[\s\-]+", " ", label).strip().lower()
    text = re.sub(r" (sheng|shi|province|zhuang autonomous region)$", "", text)
    for province in provinces().values():
        if text in (province.name_en.lower(), province.name_zh, province.short_zh):
            return province.code
    return None


def certificate_rows() -> list[dict[str, str]]:
    lines = data_lines(shared_file("uscc", "cn_signers_from_cert_graveyard.tsv"))
    return list(csv.DictReader(lines, delimiter="\t"))


def test_every_valid_python_stdnum_sample_parses():
    codes = data_lines(shared_file("uscc", "uscc_valid_python-stdnum.txt"))
    assert len(codes) == 200
    assert [parse_uscc(code).code for code in codes] == codes


def test_every_invalid_python_stdnum_sample_fails_with_its_code():
    rows = data_lines(shared_file("uscc", "uscc_invalid_python-stdnum.tsv"))[1:]
    assert len(rows) == 4
    for value, expected in (row.split("\t") for row in rows):
        with pytest.raises(ValidationError) as caught:
            parse_uscc(value)
        assert caught.value.code == EXPECTED_CODE[expected], value


def test_every_certificate_uscc_parses_to_a_known_province():
    rows = certificate_rows()
    assert len(rows) == 343
    for row in rows:
        division = parse_uscc(row["rdn_serial_number"]).division
        assert division is not None and division.province_code in provinces()


def test_certificate_provinces_agree_with_their_labels_except_the_known_cases():
    disagreements = set()
    for row in certificate_rows():
        label = province_from_label(row["state"]) or province_from_label(row["locality"])
        assert label is not None, row
        if parse_uscc(row["rdn_serial_number"]).province_code != label:
            disagreements.add(row["rdn_serial_number"])
    assert disagreements == KNOWN_DISAGREEMENTS


def test_certificate_hard_cases_resolve():
    by_code = {row["rdn_serial_number"][2:8]: row for row in certificate_rows()}
    assert {"110229", "130293", "210231", "330114"} <= set(by_code)
    assert resolve_division("110229").successor_code == "110119"
    assert resolve_division("330114").name == "钱塘区"
    for unknown in ("130293", "210231", "210242", "320594", "321091", "610132"):
        assert resolve_division(unknown).known is False


def test_every_nbs_2023_code_is_current():
    for name, pad in (("provinces.csv", "0000"), ("cities.csv", "00"), ("areas.csv", "")):
        with open(shared_file("admin_divisions", name), encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                assert current()[row["code"] + pad].name == row["name"]


def test_every_code_of_the_2015_revision_resolves():
    path = shared_file("admin_divisions", "gb2260_history", "stats-201509.tsv")
    with open(path, encoding="utf-8") as fh:
        codes = [row["Code"] for row in csv.DictReader(fh, delimiter="\t")]
    unresolved = [code for code in codes if resolve_division(code) is None]
    assert unresolved == []
    assert all(resolve_division(code).known for code in codes)
