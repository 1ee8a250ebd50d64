"""Batch assignment proposals: the solver proposes, staff review, confirming sends invitations."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.assistance.models import Application, ExpertRole
from oipa.assistance.workflow import ACTIVE_STATES

from ..assignment import greedy_assignment, solve_assignment
from ..models import (
    AssignmentProposal,
    ExpertInvitation,
    InvitationStatus,
    ProposalStatus,
    ProposedAssignment,
)
from ..reasons import reason
from ..recommend import case_facts, experts_on_case, pool_index
from ._common import audit, require_pool_manager
from .invitations import invite_expert


def waiting_cases(actor):
    """Cases in guidance or accepted that have no lead expert and no pending lead invitation."""
    pending_lead = ExpertInvitation.objects.filter(
        status=InvitationStatus.PENDING, role=ExpertRole.LEAD
    ).values("application_id")
    return (
        Application.objects.visible_to(actor)
        .filter(status__in=ACTIVE_STATES, confidential=False)
        .exclude(experts__role=ExpertRole.LEAD)
        .exclude(pk__in=pending_lead)
        .select_related("applicant", "industry")
        .prefetch_related("jurisdictions", "parties")
        .order_by("pk")
    )


def propose_assignment(*, actor, team_size: int = 1) -> AssignmentProposal:
    """Assign experts to every waiting case at once, maximizing the total match score under
    each expert's free capacity, one lead per case, up to `team_size` experts per case and no
    conflicts (min-cost flow, see `assignment.py`). Nothing is sent until staff confirm."""
    require_pool_manager(actor)
    if not 1 <= int(team_size) <= 5:
        raise ValidationError({"team_size": _("Choose a team of 1 to 5 experts.")})
    cases = list(waiting_cases(actor))
    if not cases:
        raise ValidationError(_("No case is waiting for experts."), code="nothing_waiting")
    index = pool_index()
    facts = [case_facts(c) for c in cases]
    on_case = {i: experts_on_case(c) for i, c in enumerate(cases)}
    scores = index.score_matrix(facts, on=timezone.localdate(), on_case=on_case)
    free = index.capacity - index.load
    result = solve_assignment(scores, free, team_size=int(team_size))
    greedy = greedy_assignment(scores, free, team_size=int(team_size))
    with transaction.atomic():
        proposal = AssignmentProposal.objects.create(
            created_by=actor,
            team_size=int(team_size),
            objective=result.objective,
            greedy_objective=greedy.objective,
        )
        ProposedAssignment.objects.bulk_create(
            ProposedAssignment(
                proposal=proposal,
                application=cases[c],
                expert_id=index.experts[e].id,
                role=role,
                score=round(float(scores[c, e]), 1),
                reason=reason(index.experts[e], facts[c])[:300],
            )
            for c, e, role in result.rows
        )
        audit(
            actor,
            proposal,
            "experts.proposal_created",
            cases=len(cases),
            rows=len(result.rows),
            objective=result.objective,
            greedy_objective=greedy.objective,
        )
    return proposal


def _decide(proposal: AssignmentProposal, status: str) -> None:
    updated = AssignmentProposal.objects.filter(pk=proposal.pk, status=ProposalStatus.DRAFT).update(
        status=status, decided_at=timezone.now()
    )
    if not updated:
        raise ValidationError(_("This proposal was already decided."), code="stale")
    proposal.refresh_from_db()


def confirm_proposal(
    *, actor, proposal: AssignmentProposal
) -> tuple[list[ExpertInvitation], list[tuple[ProposedAssignment, str]]]:
    """Send the proposal's invitations. A row that can no longer be invited (the expert became
    unavailable, the case got a lead meanwhile...) is skipped and returned with the reason."""
    require_pool_manager(actor)
    sent, skipped = [], []
    with transaction.atomic():
        _decide(proposal, ProposalStatus.CONFIRMED)
        rows = proposal.rows.select_related("application", "expert__user").order_by(
            "application_id", "role"
        )
        for row in rows:
            try:
                with transaction.atomic():
                    sent.append(
                        invite_expert(
                            actor=actor,
                            application=row.application,
                            profile=row.expert,
                            role=row.role,
                            score=row.score,
                            reason=row.reason,
                        )
                    )
            except ValidationError as exc:
                skipped.append((row, " ".join(exc.messages)))
        audit(actor, proposal, "experts.proposal_confirmed", sent=len(sent), skipped=len(skipped))
    return sent, skipped


def discard_proposal(*, actor, proposal: AssignmentProposal) -> AssignmentProposal:
    """Staff discard a proposal; nothing is sent."""
    require_pool_manager(actor)
    with transaction.atomic():
        _decide(proposal, ProposalStatus.DISCARDED)
        audit(actor, proposal, "experts.proposal_discarded")
    return proposal
