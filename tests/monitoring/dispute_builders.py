"""Disputes with matched parties, built ORM-direct for the groups, incidents and trends tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from oipa.accounts.models import Organization
from oipa.monitoring.models import (
    Dispute,
    MatchStatus,
    Party,
    PartyMatch,
    PartyRole,
    Source,
    WatchedEnterprise,
)
from oipa.monitoring.names import normalize, org_key, watch_key

Enterprise = Organization | WatchedEnterprise


def build_match(
    party: Party, enterprise: Enterprise, status: str = MatchStatus.CONFIDENT
) -> PartyMatch:
    """A match of `party` to `enterprise` with the given status."""
    if isinstance(enterprise, WatchedEnterprise):
        fields: dict[str, Any] = {"watched": enterprise, "enterprise_key": watch_key(enterprise.pk)}
    else:
        fields = {"organization": enterprise, "enterprise_key": org_key(enterprise.pk)}
    return PartyMatch.objects.create(
        party=party,
        alias=party.name,
        alias_kind="english",
        rule="fuzzy",
        score=95.0 if status == MatchStatus.CONFIDENT else 85.0,
        status=status,
        **fields,
    )


def build_dispute(
    source: Source,
    external_id: str,
    *,
    plaintiff: str = "Acme Audio LLC",
    defendants: Iterable[Enterprise] = (),
    status: str = MatchStatus.CONFIDENT,
    filed_on: date | None = None,
    first_seen_at: datetime | None = None,
    nature_code: str = "840",
    jurisdiction: str = "US",
) -> Dispute:
    """A dispute by `plaintiff` whose defendants are the given enterprises, each matched with
    `status` under its English (or Chinese) name."""
    dispute = Dispute.objects.create(
        source=source,
        external_id=external_id,
        case_number=f"1:26-cv-{external_id}",
        title=f"{plaintiff} v. Defendants {external_id}",
        forum="N.D. Illinois",
        court_id="ilnd",
        jurisdiction=jurisdiction,
        nature_code=nature_code,
        filed_on=filed_on,
        first_seen_at=first_seen_at or timezone.now(),
    )
    if plaintiff:
        Party.objects.create(
            dispute=dispute,
            role=PartyRole.PLAINTIFF,
            name=plaintiff,
            normalized=normalize(plaintiff),
        )
    for enterprise in defendants:
        name = getattr(enterprise, "name_en", "") or enterprise.name
        party = Party.objects.create(
            dispute=dispute, role=PartyRole.DEFENDANT, name=name, normalized=normalize(name)
        )
        build_match(party, enterprise, status)
    return dispute


def orgs(personas: dict, *names: str) -> list[Organization]:
    """The organizations of the named personas."""
    return [personas[name].organization for name in names]
