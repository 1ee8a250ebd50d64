"""Ranking the expert pool for a case: transparent score parts, a one-line reason, and
exclusions with their cause (unavailable, at capacity, conflicted).

Pure Python and numpy over plain facts (`ExpertFacts`, `CaseFacts`); `recommend.py` reads them
from the database. `PoolIndex` precomputes one boolean column per attribute value and a
`conflicts.ConflictIndex` over the declared conflicts, so ranking a case is a handful of vector
operations: one case against 2,000 experts takes a few milliseconds. The one-line reason shown
with each recommendation is worded by `reasons.py`.

Score parts (points; the total is at most 100):
  ipc          25 × mean over the case's IPC symbols of the best shared level with the expert
                    (same subclass 1, same class 0.6, same section 0.25)
  nice         15 × share of the case's Nice classes the expert covers
  jurisdiction 15 if the expert practises in one of the case's jurisdictions
  dispute_type 10 if the expert handles this kind of dispute
  ip_type      10 × share of the case's IP types the expert covers
  language      5 if the expert speaks a language of the forum
  industry      5 if the expert knows the case's industry
  track_record 10 × min(similar concluded cases, 3) / 3 (same jurisdiction and dispute type)
  load          5 × share of the expert's capacity still free
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from django.utils.translation import gettext_lazy

from oipa.matching import ALERT_THRESHOLD

from .conflicts import ConflictIndex
from .reasons import reason

WEIGHTS: dict[str, float] = {
    "ipc": 25.0,
    "nice": 15.0,
    "jurisdiction": 15.0,
    "dispute_type": 10.0,
    "ip_type": 10.0,
    "language": 5.0,
    "industry": 5.0,
    "track_record": 10.0,
    "load": 5.0,
}
PART_LABELS = {
    "ipc": gettext_lazy("IPC"),
    "nice": gettext_lazy("Nice"),
    "jurisdiction": gettext_lazy("jurisdiction"),
    "dispute_type": gettext_lazy("dispute type"),
    "ip_type": gettext_lazy("IP type"),
    "language": gettext_lazy("language"),
    "industry": gettext_lazy("industry"),
    "track_record": gettext_lazy("track record"),
    "load": gettext_lazy("free capacity"),
}
IPC_LEVEL_CREDIT = {4: 1.0, 3: 0.6, 1: 0.25}  # subclass, class, section
TRACK_RECORD_CAP = 3

# Languages of the forum: the official languages in which a jurisdiction's courts and offices
# work (English is the working language of the international offices).
FORUM_LANGUAGES: dict[str, tuple[str, ...]] = {
    "US": ("en",),
    "GB": ("en",),
    "CA": ("en", "fr"),
    "AU": ("en",),
    "NZ": ("en",),
    "IE": ("en",),
    "IN": ("en",),
    "SG": ("en",),
    "HK": ("en", "zh"),
    "MY": ("en", "ms"),
    "PH": ("en",),
    "ZA": ("en",),
    "NG": ("en",),
    "KE": ("en",),
    "PK": ("en",),
    "DE": ("de",),
    "AT": ("de",),
    "CH": ("de", "fr", "it"),
    "FR": ("fr",),
    "BE": ("fr", "nl"),
    "NL": ("nl",),
    "IT": ("it",),
    "ES": ("es",),
    "MX": ("es",),
    "AR": ("es",),
    "CL": ("es",),
    "CO": ("es",),
    "PE": ("es",),
    "PT": ("pt",),
    "BR": ("pt",),
    "RU": ("ru",),
    "KZ": ("ru",),
    "JP": ("ja",),
    "KR": ("ko",),
    "TW": ("zh",),
    "MO": ("zh", "pt"),
    "VN": ("vi",),
    "TH": ("th",),
    "ID": ("id",),
    "TR": ("tr",),
    "SA": ("ar",),
    "AE": ("ar", "en"),
    "EG": ("ar",),
    "IL": ("he", "en"),
    "PL": ("pl",),
    "SE": ("sv",),
    "DK": ("da",),
    "FI": ("fi",),
    "NO": ("no",),
    "CZ": ("cs",),
    "HU": ("hu",),
    "GR": ("el",),
    "EU": ("en", "fr", "de", "es", "it"),
    "EP": ("en", "fr", "de"),
    "WO": ("en",),
}


@dataclass(frozen=True)
class ConcludedCase:
    """A concluded case the expert guided, as counted in their track record."""

    jurisdictions: tuple[str, ...]
    dispute_type: str
    ip_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExpertFacts:
    """What the ranking knows of one expert. `ipc` holds normalized symbols (H, H04, H04W);
    `conflicts` (kind, name) pairs; `unavailable` (first day, last day) periods; `load` the
    cases in guidance plus pending invitations."""

    id: int
    name: str
    ipc: tuple[str, ...] = ()
    nice: tuple[int, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    dispute_types: tuple[str, ...] = ()
    ip_types: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    conflicts: tuple[tuple[str, str], ...] = ()
    unavailable: tuple[tuple[date, date], ...] = ()
    capacity: int = 1
    load: int = 0
    record: tuple[ConcludedCase, ...] = ()


@dataclass(frozen=True)
class CaseFacts:
    """What the ranking knows of one case; `parties` are every name on it (applicant included)."""

    id: int
    ipc: tuple[str, ...] = ()
    nice: tuple[int, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    dispute_type: str = ""
    ip_types: tuple[str, ...] = ()
    industry: str = ""
    parties: tuple[str, ...] = ()

    @property
    def forum_languages(self) -> set[str]:
        return {lang for code in self.jurisdictions for lang in FORUM_LANGUAGES.get(code, ())}


@dataclass
class Recommendation:
    """One assignable expert: total score, each part, and the reason in a line."""

    expert_id: int
    name: str
    score: float
    parts: dict[str, float]
    reason: str
    possible_conflict: str = ""

    @property
    def labelled_parts(self) -> list[tuple[str, float]]:
        """(label, points) of the parts that scored, in WEIGHTS order."""
        return [(str(PART_LABELS[key]), value) for key, value in self.parts.items() if value]


@dataclass
class Exclusion:
    """An expert left out, and why (`cause` is unavailable, capacity, conflict or on_case)."""

    expert_id: int
    name: str
    cause: str
    detail: str
    score: float = 0.0


@dataclass
class Ranking:
    recommended: list[Recommendation] = field(default_factory=list)
    excluded: list[Exclusion] = field(default_factory=list)


class _Columns:
    """One boolean column per value of an attribute, over all experts (Fortran order, so a
    column is contiguous)."""

    def __init__(self, values_per_expert: Sequence[Iterable]) -> None:
        vocabulary: dict = {}
        for values in values_per_expert:
            for value in values:
                vocabulary.setdefault(value, len(vocabulary))
        self.index = vocabulary
        self.matrix = np.zeros((len(values_per_expert), max(len(vocabulary), 1)), bool, order="F")
        for row, values in enumerate(values_per_expert):
            for value in values:
                self.matrix[row, vocabulary[value]] = True

    def column(self, value) -> np.ndarray | None:
        col = self.index.get(value)
        return None if col is None else self.matrix[:, col]


def _case_rows(values_per_case: Sequence[Iterable], columns: _Columns) -> tuple[np.ndarray, list]:
    rows = np.zeros((len(values_per_case), columns.matrix.shape[1]))
    sizes = []
    for i, values in enumerate(values_per_case):
        values = set(values) - {""}
        sizes.append(len(values))
        for value in values:
            col = columns.index.get(value)
            if col is not None:
                rows[i, col] = 1
    return rows, sizes


def _share_matrix(values_per_case: Sequence[Iterable], columns: _Columns) -> np.ndarray:
    """Per case and expert, the share of the case's values the expert has."""
    rows, sizes = _case_rows(values_per_case, columns)
    counts = rows @ columns.matrix.T.astype(np.float64)
    return counts / np.maximum(np.array(sizes, dtype=np.float64), 1)[:, None]


def _any_matrix(values_per_case: Sequence[Iterable], columns: _Columns) -> np.ndarray:
    """Per case and expert, 1 if the expert has any of the case's values."""
    rows, _sizes = _case_rows(values_per_case, columns)
    return (rows @ columns.matrix.T.astype(np.float64) > 0).astype(np.float64)


class PoolIndex:
    """The pool, precomputed for ranking. Build once per pool change; `rank` per case."""

    def __init__(self, experts: Sequence[ExpertFacts]) -> None:
        self.experts = list(experts)
        self.size = len(self.experts)
        self.ids = np.array([e.id for e in self.experts], dtype=np.int64)
        self.position = {e.id: i for i, e in enumerate(self.experts)}
        self.ipc = {
            level: _Columns([{s[:level] for s in e.ipc if len(s) >= level} for e in self.experts])
            for level in IPC_LEVEL_CREDIT
        }
        self.nice = _Columns([e.nice for e in self.experts])
        self.jurisdictions = _Columns([e.jurisdictions for e in self.experts])
        self.dispute_types = _Columns([e.dispute_types for e in self.experts])
        self.ip_types = _Columns([e.ip_types for e in self.experts])
        self.languages = _Columns([e.languages for e in self.experts])
        self.industries = _Columns([e.industries for e in self.experts])
        self.capacity = np.array([max(e.capacity, 0) for e in self.experts], dtype=np.float64)
        self.load = np.array([e.load for e in self.experts], dtype=np.float64)
        self.track: dict[tuple[str, str], np.ndarray] = {}
        for row, expert in enumerate(self.experts):
            for case in expert.record:
                for code in set(case.jurisdictions):
                    counts = self.track.setdefault((code, case.dispute_type), np.zeros(self.size))
                    counts[row] += 1
        self.periods = [
            (row, start.toordinal(), end.toordinal())
            for row, e in enumerate(self.experts)
            for start, end in e.unavailable
        ]
        self.conflict_index = ConflictIndex([e.conflicts for e in self.experts])

    # --- score parts -----------------------------------------------------------------------

    def parts(self, case: CaseFacts) -> dict[str, np.ndarray]:
        """Every score part for every expert (points, already weighted)."""
        return {key: matrix[0] for key, matrix in self.parts_many([case])}

    def scores(self, case: CaseFacts) -> np.ndarray:
        """The total score of every expert for the case."""
        return self.total_many([case])[0]

    def total_many(self, cases: Sequence[CaseFacts]) -> np.ndarray:
        """Total scores, cases × experts."""
        total = np.zeros((len(cases), self.size))
        for _key, matrix in self.parts_many(cases):
            total += matrix
        return total

    def parts_many(self, cases: Sequence[CaseFacts]) -> Iterator[tuple[str, np.ndarray]]:
        """Each weighted score part as a cases × experts matrix, one part at a time (a batch
        of 5,000 cases is a few matrix products, not a loop over experts)."""
        share, anyof = _share_matrix, _any_matrix
        yield "ipc", WEIGHTS["ipc"] * self._ipc_many(cases)
        yield "nice", WEIGHTS["nice"] * share([c.nice for c in cases], self.nice)
        yield (
            "jurisdiction",
            WEIGHTS["jurisdiction"] * anyof([c.jurisdictions for c in cases], self.jurisdictions),
        )
        yield (
            "dispute_type",
            WEIGHTS["dispute_type"] * anyof([[c.dispute_type] for c in cases], self.dispute_types),
        )
        yield "ip_type", WEIGHTS["ip_type"] * share([c.ip_types for c in cases], self.ip_types)
        yield (
            "language",
            WEIGHTS["language"] * anyof([c.forum_languages for c in cases], self.languages),
        )
        yield (
            "industry",
            WEIGHTS["industry"] * anyof([[c.industry] for c in cases], self.industries),
        )
        similar = np.minimum(self._similar_many(cases), TRACK_RECORD_CAP) / TRACK_RECORD_CAP
        yield "track_record", WEIGHTS["track_record"] * similar
        free = np.clip(1 - self.load / np.maximum(self.capacity, 1), 0, 1)
        yield "load", np.broadcast_to(WEIGHTS["load"] * free, (len(cases), self.size))

    def _ipc_best(self, symbol: str) -> np.ndarray:
        """Per expert, the credit of the deepest IPC level they share with `symbol`."""
        best = np.zeros(self.size)
        for level, credit in IPC_LEVEL_CREDIT.items():
            if len(symbol) >= level:
                column = self.ipc[level].column(symbol[:level])
                if column is not None:
                    best = np.maximum(best, credit * column)
        return best

    def _ipc_many(self, cases: Sequence[CaseFacts]) -> np.ndarray:
        symbols = sorted({s for case in cases for s in case.ipc})
        if not symbols:
            return np.zeros((len(cases), self.size))
        position = {s: i for i, s in enumerate(symbols)}
        best = np.array([self._ipc_best(s) for s in symbols])
        weights = np.zeros((len(cases), len(symbols)))
        for i, case in enumerate(cases):
            for symbol in set(case.ipc):
                weights[i, position[symbol]] = 1 / len(set(case.ipc))
        return weights @ best

    def _similar_many(self, cases: Sequence[CaseFacts]) -> np.ndarray:
        keys = list(self.track)
        if not keys:
            return np.zeros((len(cases), self.size))
        position = {key: i for i, key in enumerate(keys)}
        wanted = np.zeros((len(cases), len(keys)))
        for i, case in enumerate(cases):
            for code in set(case.jurisdictions):
                k = position.get((code, case.dispute_type))
                if k is not None:
                    wanted[i, k] = 1
        return wanted @ np.array([self.track[key] for key in keys])

    def similar_cases(self, case: CaseFacts) -> np.ndarray:
        """Concluded cases each expert guided in one of the case's jurisdictions and of its
        dispute type."""
        return self._similar_many([case])[0]

    # --- exclusions ------------------------------------------------------------------------

    def unavailable_on(self, day: date) -> dict[int, tuple[date, date]]:
        """Experts (row → period) unavailable on `day`."""
        ordinal = day.toordinal()
        return {
            row: (date.fromordinal(start), date.fromordinal(end))
            for row, start, end in self.periods
            if start <= ordinal <= end
        }

    # --- ranking ---------------------------------------------------------------------------

    def rank(
        self,
        case: CaseFacts,
        *,
        on: date,
        limit: int = 10,
        on_case: Iterable[int] = (),
    ) -> Ranking:
        """The best `limit` assignable experts for the case, and the excluded ones (among the
        best scores, every conflicted one) with their cause. Deterministic: ties go to the
        lower expert id."""
        parts = self.parts(case)
        total = sum(parts.values(), np.zeros(self.size))
        excluded = self._exclusions(case, on=on, on_case=set(on_case))
        order = np.lexsort((self.ids, -np.round(total, 6)))
        ranking = Ranking()
        for row in order:
            exclusion = excluded.get(int(row))
            if exclusion is not None and exclusion.cause != "review":
                if len(ranking.excluded) < limit or exclusion.cause == "conflict":
                    exclusion.score = round(float(total[row]), 1)
                    ranking.excluded.append(exclusion)
                continue
            if len(ranking.recommended) < limit:
                recommendation = self._recommendation(int(row), case, parts, total)
                if exclusion is not None:  # a name close to a party, below certainty
                    recommendation.possible_conflict = exclusion.detail
                ranking.recommended.append(recommendation)
            elif len(ranking.excluded) >= limit:
                break
        return ranking

    def score_matrix(
        self,
        cases: Sequence[CaseFacts],
        *,
        on: date,
        on_case: dict[int, set[int]] | None = None,
    ) -> np.ndarray:
        """Scores of every case (rows) against every expert (columns) for batch assignment;
        -inf where the expert may not take the case (conflicted, unavailable, already on it)."""
        matrix = self.total_many(cases)
        unavailable = list(self.unavailable_on(on))
        conflicts = self.conflict_index.find_many([case.parties for case in cases])
        for i in range(len(cases)):
            row = matrix[i]
            row[unavailable] = -np.inf
            blocked = [r for r, hit in conflicts[i].items() if hit[3] >= ALERT_THRESHOLD]
            row[blocked] = -np.inf
            for expert_id in (on_case or {}).get(i, ()):
                if expert_id in self.position:
                    row[self.position[expert_id]] = -np.inf
        return np.round(matrix, 1)

    def _recommendation(self, row: int, case: CaseFacts, parts, total) -> Recommendation:
        expert = self.experts[row]
        return Recommendation(
            expert_id=expert.id,
            name=expert.name,
            score=round(float(total[row]), 1),
            parts={key: round(float(value[row]), 1) for key, value in parts.items()},
            reason=reason(expert, case),
        )

    def _exclusions(self, case: CaseFacts, *, on: date, on_case: set[int]) -> dict:
        found: dict[int, Exclusion] = {}
        for row, (_kind, name, party, score) in self.conflict_index.find(case.parties).items():
            cause = "conflict" if score >= ALERT_THRESHOLD else "review"
            detail = f"{name} ≈ {party}"
            found[row] = Exclusion(self.experts[row].id, self.experts[row].name, cause, detail)
        for expert_id in on_case:
            position = self.position.get(expert_id)
            if position is not None and position not in found:
                name = self.experts[position].name
                found[position] = Exclusion(expert_id, name, "on_case", "")
        for row, (_start, end) in self.unavailable_on(on).items():
            found.setdefault(
                row,
                Exclusion(self.experts[row].id, self.experts[row].name, "unavailable", f"{end}"),
            )
        for row in np.flatnonzero(self.load >= self.capacity).tolist():
            expert = self.experts[row]
            found.setdefault(
                row,
                Exclusion(
                    expert.id, expert.name, "capacity", f"{int(self.load[row])}/{expert.capacity}"
                ),
            )
        return found
