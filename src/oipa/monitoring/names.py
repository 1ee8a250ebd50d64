"""The registry of monitored enterprises' names that the matching engine is built from.

Monitored are: active enterprise organizations registered on the platform whose division code
starts with 11 (Beijing), 12 (Tianjin) or 13 (Hebei), and active `WatchedEnterprise` rows; each
with its legal name, English name and `EnterpriseAlias` rows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet

from oipa.accounts.models import Organization, OrgKind

from .models import AliasKind, EnterpriseAlias, WatchedEnterprise

if TYPE_CHECKING:
    from oipa.matching import EnterpriseRecord

JJJ_PROVINCES = ("11", "12", "13")
_PUNCTUATION = re.compile(r"[\W_]+", re.UNICODE)


def normalize(name: str) -> str:
    """The key under which a party name is stored and remembered: width-folded (NFKC),
    case-folded, punctuation collapsed to single spaces."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return _PUNCTUATION.sub(" ", folded).strip()[:500]


def monitored_organizations() -> QuerySet[Organization]:
    """Registered, active JJJ enterprises."""
    jjj = Q()
    for code in JJJ_PROVINCES:
        jjj |= Q(division_code__startswith=code)
    return Organization.objects.filter(jjj, kind=OrgKind.ENTERPRISE, is_active=True)


def org_key(organization_id: int) -> str:
    return f"org:{organization_id}"


def watch_key(watched_id: int) -> str:
    return f"watch:{watched_id}"


def parse_key(key: str) -> tuple[str, int]:
    """("org" | "watch", pk) from an enterprise key; ValueError for anything else."""
    kind, _sep, pk = key.partition(":")
    if kind not in ("org", "watch") or not pk.isdigit():
        raise ValueError(f"not an enterprise key: {key!r}")
    return kind, int(pk)


def _names(legal: str, english: str, aliases: Iterable[EnterpriseAlias]) -> dict[str, str]:
    """Each distinct name once, with the kind it was first given as (legal name first)."""
    kinds: dict[str, str] = {}
    candidates: list[tuple[str, str]] = [(legal, AliasKind.LEGAL), (english, AliasKind.ENGLISH)]
    candidates += [(alias.name, alias.kind) for alias in aliases]
    for name, kind in candidates:
        name = name.strip()
        if name and name not in kinds:
            kinds[name] = str(kind)
    return kinds


def enterprise_names() -> dict[str, dict[str, str]]:
    """Every monitored enterprise's names, keyed by enterprise key: {key: {name: kind}}."""
    aliases = Prefetch("monitoring_aliases", queryset=EnterpriseAlias.objects.order_by("pk"))
    result: dict[str, dict[str, str]] = {}
    for org in monitored_organizations().prefetch_related(aliases):
        result[org_key(org.pk)] = _names(org.name, org.name_en, org.monitoring_aliases.all())
    watched = WatchedEnterprise.objects.filter(is_active=True).prefetch_related(
        Prefetch("aliases", queryset=EnterpriseAlias.objects.order_by("pk"))
    )
    for row in watched:
        result[watch_key(row.pk)] = _names(row.name, row.name_en, row.aliases.all())
    return result


def enterprise_records() -> list[EnterpriseRecord]:
    """The monitored enterprises as the matching engine's input records."""
    from oipa.matching import EnterpriseRecord

    return [
        EnterpriseRecord(id=key, names=list(kinds), kind_of_names=kinds)
        for key, kinds in enterprise_names().items()
    ]


def enterprise_record(key: str) -> EnterpriseRecord | None:
    """One monitored enterprise as the engine's input record; None when it is not monitored
    (unknown, inactive, or a registered enterprise outside Beijing, Tianjin and Hebei)."""
    from oipa.matching import EnterpriseRecord

    kind, pk = parse_key(key)
    if kind == "org":
        org = monitored_organizations().filter(pk=pk).first()
        if org is None:
            return None
        kinds = _names(org.name, org.name_en, org.monitoring_aliases.order_by("pk"))
    else:
        row = WatchedEnterprise.objects.filter(pk=pk, is_active=True).first()
        if row is None:
            return None
        kinds = _names(row.name, row.name_en, row.aliases.order_by("pk"))
    return EnterpriseRecord(id=key, names=list(kinds), kind_of_names=kinds)
