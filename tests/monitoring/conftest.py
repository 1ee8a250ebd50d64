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


US_FACTS = [
    # event, amount, unit, starts_from, source
    ("answer", 21, "days", "service", "https://www.law.cornell.edu/rules/frcp/rule_12"),
    ("itc_response", 20, "days", "service", "https://www.ecfr.gov/current/title-19/section-210.13"),
    ("tro_hearing", 14, "days", "filing", "https://www.law.cornell.edu/rules/frcp/rule_65"),
]


def publish_us_facts() -> None:
    """The US profile's response periods, as the knowledge base publishes them (created when
    the test database does not hold them already)."""
    from oipa.core.taxonomy.models import Jurisdiction
    from oipa.knowledge.models import CountryProfile, DeadlineFact, EditorialStatus

    profile, _created = CountryProfile.objects.get_or_create(
        jurisdiction=Jurisdiction.objects.get(code="US"),
        defaults={"status": EditorialStatus.PUBLISHED, "title_en": "United States"},
    )
    if profile.status != EditorialStatus.PUBLISHED:
        CountryProfile.objects.filter(pk=profile.pk).update(status=EditorialStatus.PUBLISHED)
    for event, amount, unit, starts_from, source in US_FACTS:
        DeadlineFact.objects.get_or_create(
            profile=profile,
            event=event,
            defaults={
                "amount": amount,
                "unit": unit,
                "starts_from": starts_from,
                "source_url": source,
            },
        )


@pytest.fixture(autouse=True)
def _us_facts(request):
    """Alerts estimate deadlines from the published US profile: every database test has it."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return  # flushed tables: such a test builds what it needs after sync_reference_data()
    if "db" in request.fixturenames or marker is not None:
        request.getfixturevalue("db")
        publish_us_facts()
