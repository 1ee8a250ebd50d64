"""The shipped GB/T 2260 tables (data/divisions/*.tsv), each read once per process.

The files are built by data/divisions/build.py from public sources (see BUILD.md); this module only
reads them. All lookups are by code string and return immutable rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "divisions"
MUNICIPALITY = "municipality"


@dataclass(frozen=True, slots=True)
class Province:
    """A provincial-level division: `code` is the two-digit prefix (e.g. "11")."""

    code: str
    name_zh: str
    name_en: str
    short_zh: str
    abbr_zh: str
    kind: str

    @property
    def is_municipality(self) -> bool:
        """True for the four direct-administered municipalities (Beijing, Tianjin, ...)."""
        return self.kind == MUNICIPALITY


@dataclass(frozen=True, slots=True)
class CurrentRow:
    """A division code in force: level is "province", "prefecture" or "county"."""

    code: str
    name: str
    level: str
    parent: str
    name_en: str


@dataclass(frozen=True, slots=True)
class RetiredRow:
    """A retired code: its last name, the years it was valid (None = unknown) and successors."""

    code: str
    name: str
    valid_from: int | None
    valid_to: int | None
    successors: tuple[str, ...]


def _read(filename: str) -> Iterator[list[str]]:
    """Tab-separated fields of every non-comment line of a shipped file."""
    with open(DATA_DIR / filename, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _year(text: str) -> int | None:
    return int(text) if text else None


@cache
def provinces() -> dict[str, Province]:
    """All provincial-level divisions by two-digit code."""
    return {fields[0]: Province(*fields) for fields in _read("provinces.tsv")}


@cache
def current() -> dict[str, CurrentRow]:
    """All divisions in force by six-digit code."""
    return {fields[0]: CurrentRow(*fields) for fields in _read("current.tsv")}


@cache
def history() -> dict[str, RetiredRow]:
    """All retired codes by six-digit code (codes in force are never in here)."""
    rows = {}
    for code, name, valid_from, valid_to, successors, _source in _read("history.tsv"):
        succ = tuple(successors.split(",")) if successors else ()
        rows[code] = RetiredRow(code, name, _year(valid_from), _year(valid_to), succ)
    return rows


def level_of(code: str) -> str:
    """GB/T 2260 level implied by a six-digit code's pattern."""
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"
