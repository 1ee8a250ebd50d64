"""Staff ask for a batch proposal, review it, and confirm it to send the invitations."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from oipa.experts import services
from oipa.experts.models import ExpertInvitation, ProposalStatus


@pytest.fixture
def waiting(make_case):
    return [
        make_case(title="美国337调查应诉"),
        make_case(title="德国专利诉讼", parties=[{"kind": "counterparty", "name": "Xiaomi Inc."}]),
        make_case(title="亚马逊平台投诉"),
    ]


def test_a_proposal_assigns_every_waiting_case_without_conflicts(waiting, make_expert, staff):
    conflicted = make_expert(
        "li",
        "李律师",
        ipc_entries=["H04W"],
        jurisdictions=["US"],
        max_concurrent_cases=3,
        conflicts=[("client", "小米科技有限责任公司")],
    )
    make_expert("wang", "王律师", ipc_entries=["H04"], max_concurrent_cases=2)
    proposal = services.propose_assignment(actor=staff)
    rows = list(proposal.rows.all())
    assert sorted(r.application_id for r in rows) == sorted(c.pk for c in waiting)
    assert all(r.role == "lead" for r in rows)
    assert (waiting[1].pk, conflicted.pk) not in [(r.application_id, r.expert_id) for r in rows]
    assert proposal.objective >= proposal.greedy_objective
    assert not ExpertInvitation.objects.exists()  # nothing is sent before confirmation


def test_confirming_sends_the_invitations_once(waiting, make_expert, staff):
    make_expert("wang", "王律师", max_concurrent_cases=3)
    proposal = services.propose_assignment(actor=staff)
    sent, skipped = services.confirm_proposal(actor=staff, proposal=proposal)
    assert (len(sent), skipped) == (3, [])
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CONFIRMED
    with pytest.raises(ValidationError):
        services.confirm_proposal(actor=staff, proposal=proposal)
    assert ExpertInvitation.objects.count() == 3


def test_rows_that_became_impossible_are_skipped_with_the_reason(waiting, make_expert, staff):
    expert = make_expert("wang", "王律师", max_concurrent_cases=3)
    proposal = services.propose_assignment(actor=staff)
    services.change_expert_status(actor=staff, profile=expert, status="suspended")
    with translation.override("en"):
        sent, skipped = services.confirm_proposal(actor=staff, proposal=proposal)
    assert sent == [] and len(skipped) == 3
    assert "not active" in skipped[0][1]


def test_only_center_staff_propose(waiting, personas):
    with pytest.raises(PermissionDenied):
        services.propose_assignment(actor=personas["auditor"])


def test_nothing_waiting_is_a_clear_error(staff, personas):
    with pytest.raises(ValidationError) as caught:
        services.propose_assignment(actor=staff)
    assert caught.value.code == "nothing_waiting"
