"""Fixtures of dispute monitoring: sources and a stand-in matching engine."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.utils import translation

from oipa.monitoring.builders import build_source
from oipa.monitoring.models import SourceKind


@pytest.fixture(autouse=True)
def _english():
    """Positions and reasons are stored translated; the tests read them in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def make_source(db):
    def make(kind: str = SourceKind.SPREADSHEET, slug: str = "", enabled: bool = True, **fields):
        source = build_source(slug=slug or kind.replace("_", "-"), kind=kind, **fields)
        if not enabled:
            source.enabled = False
            source.save()
        return source

    return make


@dataclass(frozen=True)
class FakeMatch:
    enterprise_id: str
    party: str
    alias: str
    alias_kind: str
    rule: str
    score: float


class FakeEngine:
    """Answers `match()` from a table {party name: [(enterprise key, score)]}, like the engine."""

    def __init__(self, table: dict[str, list[tuple[str, float]]]):
        self.table = table
        self.calls: list[list[str]] = []

    def match(self, parties, *, threshold=80.0, limit=3):
        self.calls.append(list(parties))
        return [
            [
                FakeMatch(key, p, p, "english", "fuzzy", score)
                for key, score in self.table.get(p, [])
            ]
            for p in parties
        ]


@pytest.fixture
def fake_engine():
    return FakeEngine
