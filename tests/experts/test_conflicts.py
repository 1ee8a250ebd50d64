"""Conflicted experts never appear as assignable, whatever the script of the names."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from oipa.core.audit.models import AuditEvent
from oipa.experts import services
from oipa.experts.matching import CaseFacts, ExpertFacts, PoolIndex
from oipa.experts.models import ConflictDeclaration
from oipa.experts.recommend import recommend_for_case

XIAOMI = ["小米科技有限责任公司", "Xiaomi Inc.", "Beijing Xiaomi Technology Co., Ltd."]


@pytest.mark.parametrize("declared", XIAOMI)
@pytest.mark.parametrize("party", XIAOMI)
def test_chinese_and_english_names_of_one_party_conflict(declared, party):
    index = PoolIndex(
        [
            ExpertFacts(id=1, name="conflicted", capacity=2, conflicts=(("client", declared),)),
            ExpertFacts(id=2, name="free", capacity=2),
        ]
    )
    case = CaseFacts(id=1, parties=("北京朝阳智能设备有限公司", party))
    ranking = index.rank(case, on=date(2026, 6, 1))
    assert [r.expert_id for r in ranking.recommended] == [2]
    [excluded] = ranking.excluded
    assert (excluded.expert_id, excluded.cause) == (1, "conflict")
    assert declared in excluded.detail


def test_an_unrelated_company_is_no_conflict():
    index = PoolIndex(
        [ExpertFacts(id=1, name="x", capacity=1, conflicts=(("client", "Xiaomi Inc."),))]
    )
    ranking = index.rank(CaseFacts(id=1, parties=("Apple Inc.",)), on=date(2026, 6, 1))
    assert [r.expert_id for r in ranking.recommended] == [1]


def test_a_declared_counterparty_keeps_the_expert_off_the_case(
    make_case, expert_profile, make_expert, personas
):
    case = make_case(parties=[{"kind": "counterparty", "name": "小米科技有限责任公司"}])
    services.declare_conflict(
        actor=personas["expert"], profile=expert_profile, kind="client", name="Xiaomi Inc."
    )
    other = make_expert("wang", "王律师", ipc_entries=["H04W"])
    ranking = recommend_for_case(case)
    assert expert_profile.pk not in [r.expert_id for r in ranking.recommended]
    assert other.pk in [r.expert_id for r in ranking.recommended]
    assert [x.cause for x in ranking.excluded if x.expert_id == expert_profile.pk] == ["conflict"]
    with pytest.raises(ValidationError) as caught:
        services.invite_expert(actor=personas["staff"], application=case, profile=expert_profile)
    assert caught.value.code == "conflict"


def test_a_conflict_that_excludes_from_a_live_case_cannot_be_withdrawn(
    make_case, expert_profile, personas
):
    make_case(parties=[{"kind": "counterparty", "name": "Beijing Xiaomi Technology Co., Ltd."}])
    declaration = services.declare_conflict(
        actor=personas["expert"],
        profile=expert_profile,
        kind="adversary",
        name="小米科技有限责任公司",
    )
    with pytest.raises(ValidationError) as caught:
        services.withdraw_conflict(actor=personas["expert"], declaration=declaration)
    assert caught.value.code == "conflict_in_use"
    declaration.refresh_from_db()
    assert declaration.withdrawn_at is None


def test_a_withdrawn_declaration_stays_on_record_and_in_the_audit_trail(expert_profile, personas):
    declaration = services.declare_conflict(
        actor=personas["expert"], profile=expert_profile, kind="related", name="Globex GmbH"
    )
    services.withdraw_conflict(actor=personas["expert"], declaration=declaration)
    row = ConflictDeclaration.objects.get(pk=declaration.pk)
    assert row.withdrawn_at is not None and row.name == "Globex GmbH"
    event = AuditEvent.objects.get(action="experts.conflict_withdrawn")
    assert event.before == {"kind": "related", "name": "Globex GmbH"}
    with pytest.raises(ValidationError):
        services.withdraw_conflict(actor=personas["expert"], declaration=declaration)


def test_an_unavailable_expert_cannot_be_invited(case, expert_profile, personas):
    today = date.today()
    services.add_unavailability(
        actor=personas["expert"], profile=expert_profile, starts_on=today, ends_on=today
    )
    with pytest.raises(ValidationError) as caught:
        services.invite_expert(actor=personas["staff"], application=case, profile=expert_profile)
    assert caught.value.code == "unavailable"


def test_a_name_close_to_a_party_is_never_silently_assignable():
    # Same distinctive name, another trade: at least flagged for staff to check.
    index = PoolIndex(
        [ExpertFacts(id=1, name="x", capacity=1, conflicts=(("client", "小米科技有限责任公司"),))]
    )
    ranking = index.rank(
        CaseFacts(id=1, parties=("Xiaomi Pharmaceutical Co",)), on=date(2026, 6, 1)
    )
    flagged = [r for r in ranking.recommended if r.possible_conflict]
    excluded = [x for x in ranking.excluded if x.cause == "conflict"]
    assert len(flagged) + len(excluded) == 1
    assert "小米科技有限责任公司" in (
        flagged[0].possible_conflict if flagged else excluded[0].detail
    )
