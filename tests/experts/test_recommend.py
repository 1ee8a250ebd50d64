"""Recommendation from the database: loads are fresh even when the pool index is reused."""

from __future__ import annotations

from oipa.experts import services
from oipa.experts.recommend import recommend_for_case


def test_an_invitation_elsewhere_puts_a_single_slot_expert_at_capacity(
    make_case, make_expert, staff
):
    solo = make_expert("solo", "孙专家", max_concurrent_cases=1, ipc_entries=["H04W"])
    first, second = make_case(), make_case()
    assert solo.pk in [r.expert_id for r in recommend_for_case(second).recommended]
    services.invite_expert(actor=staff, application=first, profile=solo)
    ranking = recommend_for_case(second)
    assert solo.pk not in [r.expert_id for r in ranking.recommended]
    assert [(x.cause, x.detail) for x in ranking.excluded if x.expert_id == solo.pk] == [
        ("capacity", "1/1")
    ]


def test_a_new_expert_joins_the_ranking_at_once(case, make_expert):
    assert recommend_for_case(case).recommended == []
    fresh = make_expert("fresh", "新专家")
    assert [r.expert_id for r in recommend_for_case(case).recommended] == [fresh.pk]
