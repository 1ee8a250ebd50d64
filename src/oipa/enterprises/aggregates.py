"""The Center's aggregate view of self-checks: by industry and by district, one year at a time.
No enterprise is named, so the figures can be shared with districts and associations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import questionnaire
from .models import SelfCheck


@dataclass
class Group:
    label: str
    count: int = 0
    totals: list[int] = field(default_factory=list)
    sections: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    @property
    def average(self) -> int | None:
        return round(sum(self.totals) / len(self.totals)) if self.totals else None

    def section_average(self, key: str) -> int | None:
        values = self.sections.get(key) or []
        return round(sum(values) / len(values)) if values else None

    def section_averages(self) -> list[int | None]:
        return [self.section_average(s.key) for s in questionnaire.sections()]


def aggregate(year: int, by: str) -> list[Group]:
    """Groups of the year's self-checks by "industry" or "district", largest first, with
    average total and section scores (one query)."""
    groups: dict[str, Group] = {}
    checks = SelfCheck.objects.filter(year=year).select_related("industry")
    for check in checks:
        label = str(check.industry) if by == "industry" else (check.district or "—")
        group = groups.setdefault(label, Group(label))
        group.count += 1
        if check.total_score is not None:
            group.totals.append(check.total_score)
        for key, value in (check.section_scores or {}).items():
            if value is not None:
                group.sections[key].append(value)
    return sorted(groups.values(), key=lambda g: (-g.count, g.label))
