"""Statistics over a set of guidance applications: pure reads of a queryset, no writes.

Durations are counted in Chinese working days from submission (`count_working_days`: the day of
submission does not count, the day of the event does). "Decided within the acceptance SLA"
uses the acceptance clock, so time spent waiting for requested material does not count against
the Center; an application withdrawn before any decision was never decided.
"""

from __future__ import annotations

import statistics as pystats
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.db.models import Count as CountOf
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oipa.core.calendar.working_days import count_working_days
from oipa.core.taxonomy.choices import DisputeType, IPType
from oipa.core.taxonomy.models import Jurisdiction

from .models import Application, ClockKind, SlaClock
from .workflow import Status

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

UNKNOWN = _("Not given")


@dataclass(frozen=True)
class Count:
    """How many applications have `key` (shown as `label`)."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Rate:
    """`met` out of `total`; `share` is None when there is nothing to measure."""

    met: int
    total: int

    @property
    def share(self) -> float | None:
        return self.met / self.total if self.total else None


@dataclass(frozen=True)
class CaseFacts:
    """What the statistics need of one submitted application."""

    month: str  # "2026-02", month of submission
    to_acceptance: int | None
    to_first_guidance: int | None
    to_conclusion: int | None
    acceptance_met: bool | None  # None: no decision on acceptance (yet)


def _base(queryset: QuerySet) -> QuerySet:
    """The same applications, free of the caller's ordering, joins and DISTINCT."""
    return Application.objects.filter(pk__in=queryset.order_by().values("pk"))


def _counts(pairs: Iterable[tuple[str, int]], labels: Mapping[str, StrOrPromise]) -> list[Count]:
    result = [Count(key or "", str(labels.get(key, UNKNOWN)), n) for key, n in pairs if n]
    return sorted(result, key=lambda c: (-c.count, c.label))


def _grouped(queryset: QuerySet, field: str) -> list[tuple[str, int]]:
    rows = _base(queryset).values(field).annotate(n=CountOf("pk", distinct=True)).order_by()
    return [(row[field], row["n"]) for row in rows]


def counts_by_status(queryset: QuerySet) -> list[Count]:
    """Applications per status, in the order of the procedure."""
    found = dict(_grouped(queryset, "status"))
    return [Count(s.value, str(s.label), found[s.value]) for s in Status if found.get(s.value)]


def counts_by_ip_type(queryset: QuerySet) -> list[Count]:
    """Applications per IP type (an application with two types counts for both)."""
    tally: Counter[str] = Counter()
    for ip_types in _base(queryset).values_list("ip_types", flat=True):
        tally.update(set(ip_types or []))
    return _counts(tally.items(), dict(IPType.choices))


def counts_by_dispute_type(queryset: QuerySet) -> list[Count]:
    return _counts(_grouped(queryset, "dispute_type"), dict(DisputeType.choices))


def counts_by_country(queryset: QuerySet) -> list[Count]:
    """Applications per jurisdiction named (an application may name several)."""
    pairs = [(k, n) for k, n in _grouped(queryset, "jurisdictions__code") if k]
    titles = {j.code: j.title for j in Jurisdiction.objects.filter(code__in=[k for k, _n in pairs])}
    return _counts(pairs, titles)


def counts_by_district(queryset: QuerySet) -> list[Count]:
    """Applications per district of the applicant's registration."""
    rows = (
        _base(queryset)
        .values("applicant__division_code", "applicant__district")
        .annotate(n=CountOf("pk"))
        .order_by()
    )
    labels = {r["applicant__division_code"]: r["applicant__district"] for r in rows}
    labels = {code: name or code or str(UNKNOWN) for code, name in labels.items()}
    return _counts([(r["applicant__division_code"], r["n"]) for r in rows], labels)


def counts_by_month(queryset: QuerySet) -> list[Count]:
    """Applications per month of submission, oldest first (drafts have no month)."""
    tally = Counter(f.month for f in case_facts(queryset))
    return [Count(month, month, tally[month]) for month in sorted(tally)]


def working_days_between(start: datetime, end: datetime) -> int:
    """Working days from `start` to `end` (local dates; the start day does not count)."""
    return count_working_days(timezone.localdate(start), timezone.localdate(end)).days


def _days(start: datetime | None, end: datetime | None) -> int | None:
    return working_days_between(start, end) if start and end else None


def month_of(value: datetime | date) -> str:
    day = timezone.localdate(value) if isinstance(value, datetime) else value
    return f"{day.year:04d}-{day.month:02d}"


def case_facts(queryset: QuerySet) -> list[CaseFacts]:
    """The facts of every submitted application in `queryset` (two queries)."""
    base = _base(queryset).filter(submitted_at__isnull=False)
    met = _acceptance_decisions(base)
    rows = base.values_list(
        "pk", "submitted_at", "accepted_at", "first_guidance_at", "concluded_at"
    )
    return [
        CaseFacts(
            month=month_of(submitted),
            to_acceptance=_days(submitted, accepted),
            to_first_guidance=_days(submitted, first_guidance),
            to_conclusion=_days(submitted, concluded),
            acceptance_met=met.get(pk),
        )
        for pk, submitted, accepted, first_guidance, concluded in rows
    ]


def _acceptance_decisions(base: QuerySet) -> dict[int, bool]:
    """application pk → whether the acceptance decision came within the SLA."""
    clocks = (
        SlaClock.objects.filter(
            application__in=base, kind=ClockKind.ACCEPTANCE, stopped_on__isnull=False
        )
        .exclude(application__status=Status.WITHDRAWN, application__accepted_at__isnull=True)
        .values_list("application_id", "stopped_on", "due_on")
    )
    return {pk: stopped <= due for pk, stopped, due in clocks if stopped is not None}


def median(values: Iterable[int | None]) -> float | None:
    """The median of the known values, None when there are none."""
    known = [v for v in values if v is not None]
    return float(pystats.median(known)) if known else None


def acceptance_rate(facts: Iterable[CaseFacts]) -> Rate:
    """Decisions on acceptance made within the SLA, out of all decisions made."""
    decided = [f.acceptance_met for f in facts if f.acceptance_met is not None]
    return Rate(sum(decided), len(decided))


def sla_compliance(queryset: QuerySet) -> dict[str, Rate]:
    """Per clock kind: stopped clocks that stopped by their due date, out of stopped clocks."""
    clocks = SlaClock.objects.filter(
        application__in=_base(queryset), stopped_on__isnull=False
    ).values_list("kind", "stopped_on", "due_on")
    met: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for kind, stopped, due in clocks:
        assert stopped is not None  # filtered on stopped_on__isnull=False
        total[kind] += 1
        met[kind] += stopped <= due
    return {kind: Rate(met[kind], total[kind]) for kind in ClockKind.values}


def acceptance_rate_by_month(facts: list[CaseFacts]) -> list[tuple[str, Rate]]:
    """Per month of submission (oldest first): decided within the acceptance SLA / decided."""
    months = sorted({f.month for f in facts})
    return [(m, acceptance_rate(f for f in facts if f.month == m)) for m in months]


@dataclass(frozen=True)
class Statistics:
    """Everything the staff statistics panel shows for a set of applications."""

    total: int
    by_status: list[Count]
    by_ip_type: list[Count]
    by_dispute_type: list[Count]
    by_country: list[Count]
    by_district: list[Count]
    by_month: list[Count]
    median_to_acceptance: float | None
    median_to_first_guidance: float | None
    median_to_conclusion: float | None
    sla: list[tuple[str, Rate]]
    acceptance_by_month: list[tuple[str, Rate]]


def summarize(queryset: QuerySet) -> Statistics:
    """All panel figures for `queryset` in a constant number of queries."""
    facts = case_facts(queryset)
    compliance = sla_compliance(queryset)
    by_status = counts_by_status(queryset)
    months = Counter(f.month for f in facts)
    return Statistics(
        total=sum(c.count for c in by_status),
        by_status=by_status,
        by_ip_type=counts_by_ip_type(queryset),
        by_dispute_type=counts_by_dispute_type(queryset),
        by_country=counts_by_country(queryset),
        by_district=counts_by_district(queryset),
        by_month=[Count(m, m, months[m]) for m in sorted(months)],
        median_to_acceptance=median(f.to_acceptance for f in facts),
        median_to_first_guidance=median(f.to_first_guidance for f in facts),
        median_to_conclusion=median(f.to_conclusion for f in facts),
        sla=[(str(ClockKind(k).label), compliance[k]) for k in ClockKind.values],
        acceptance_by_month=acceptance_rate_by_month(facts),
    )


@dataclass(frozen=True)
class ServiceLevel:
    """One month of the public service-level table; figures are None when suppressed."""

    month: str
    applications: int | None
    within_acceptance_sla: float | None
    median_to_acceptance: float | None
    median_to_first_guidance: float | None
    median_to_conclusion: float | None

    @property
    def suppressed(self) -> bool:
        return self.applications is None


def last_months(count: int, *, today: date | None = None) -> list[str]:
    """The `count` months up to and including the current one, oldest first."""
    today = today or timezone.localdate()
    index = today.year * 12 + today.month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - count + 1, index + 1)]


def monthly_service_levels(
    queryset: QuerySet, *, months: int = 12, minimum: int = 3, today: date | None = None
) -> list[ServiceLevel]:
    """Service levels per month of submission for the last `months` months. A month with
    fewer than `minimum` applications shows no figures, and so does any figure computed over
    fewer than `minimum` applications, so that no single case can be recognized."""
    wanted = last_months(months, today=today)
    year, month = (int(part) for part in wanted[0].split("-"))
    since = timezone.make_aware(datetime(year, month, 1))
    facts = case_facts(queryset.filter(submitted_at__gte=since))
    return [_level(m, [f for f in facts if f.month == m], minimum) for m in wanted]


def _level(month: str, facts: list[CaseFacts], minimum: int) -> ServiceLevel:
    if len(facts) < minimum:
        return ServiceLevel(month, None, None, None, None, None)
    rate = acceptance_rate(facts)

    def safe_median(values: list[int | None]) -> float | None:
        known = [v for v in values if v is not None]
        return median(known) if len(known) >= minimum else None

    return ServiceLevel(
        month=month,
        applications=len(facts),
        within_acceptance_sla=rate.share if rate.total >= minimum else None,
        median_to_acceptance=safe_median([f.to_acceptance for f in facts]),
        median_to_first_guidance=safe_median([f.to_first_guidance for f in facts]),
        median_to_conclusion=safe_median([f.to_conclusion for f in facts]),
    )
