"""Scores are deterministic, made of transparent parts, and explained in one line."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from oipa.experts.matching import WEIGHTS, CaseFacts, ConcludedCase, ExpertFacts, PoolIndex

TODAY = date(2026, 6, 1)
CASE = CaseFacts(
    id=1,
    ipc=("H04W",),
    nice=(9,),
    jurisdictions=("US",),
    dispute_type="itc_337",
    ip_types=("patent",),
    industry="I",
    parties=("Acme Audio LLC",),
)


def expert(id_: int, **fields) -> ExpertFacts:
    return ExpertFacts(id=id_, name=f"expert {id_}", capacity=3, **fields)


def test_ipc_overlap_counts_more_the_deeper_it_goes():
    index = PoolIndex(
        [expert(1, ipc=("H",)), expert(2, ipc=("H04",)), expert(3, ipc=("H04W",)), expert(4)]
    )
    ipc = index.parts(CASE)["ipc"]
    assert ipc[2] > ipc[1] > ipc[0] > ipc[3] == 0
    assert ipc[2] == WEIGHTS["ipc"]


def test_the_total_is_the_sum_of_its_parts_and_is_the_same_every_time():
    pool = [
        expert(i, ipc=("H04W",) if i % 2 else ("G06F",), jurisdictions=("US",), languages=("en",))
        for i in range(1, 30)
    ]
    index = PoolIndex(pool)
    first = index.rank(CASE, on=TODAY, limit=10)
    second = PoolIndex(list(reversed(pool))).rank(CASE, on=TODAY, limit=10)
    assert [r.expert_id for r in first.recommended] == [r.expert_id for r in second.recommended]
    for rec in first.recommended:
        assert rec.score == pytest.approx(sum(rec.parts.values()), abs=0.6)
    # equal scores: the lower id first
    ids = [r.expert_id for r in first.recommended if r.score == first.recommended[0].score]
    assert ids == sorted(ids)


def test_the_reason_names_track_record_ipc_and_language():
    record = tuple(ConcludedCase(("US",), "itc_337", ("patent",)) for _ in range(3))
    index = PoolIndex(
        [expert(1, ipc=("H04W",), languages=("en", "zh"), jurisdictions=("US",), record=record)]
    )
    with translation.override("en"):
        [rec] = index.rank(CASE, on=TODAY).recommended
    assert rec.reason == "handled 3 US ITC 337 cases; H04W; English"
    assert rec.parts["track_record"] == WEIGHTS["track_record"]


def test_a_busy_expert_scores_lower_on_load_and_a_full_one_is_excluded():
    index = PoolIndex([expert(1, load=0), expert(2, load=2), expert(3, load=3)])
    ranking = index.rank(CASE, on=TODAY)
    by_id = {r.expert_id: r for r in ranking.recommended}
    assert by_id[1].parts["load"] > by_id[2].parts["load"]
    assert [(x.expert_id, x.cause) for x in ranking.excluded] == [(3, "capacity")]


def test_an_unavailable_expert_is_excluded_with_the_date_they_return():
    away = ((date(2026, 5, 1), date(2026, 6, 30)),)
    index = PoolIndex([expert(1, unavailable=away), expert(2)])
    ranking = index.rank(CASE, on=TODAY)
    assert [r.expert_id for r in ranking.recommended] == [2]
    assert [(x.cause, x.detail) for x in ranking.excluded] == [("unavailable", "2026-06-30")]
    assert [r.expert_id for r in index.rank(CASE, on=date(2026, 7, 1)).recommended] == [1, 2]
