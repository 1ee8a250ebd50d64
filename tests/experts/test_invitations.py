"""Staff invite from the ranking; the expert accepts (confirming no conflict) or declines."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from oipa.assistance.models import CaseExpert
from oipa.core.notifications.models import Notification
from oipa.experts import services
from oipa.experts.models import InvitationStatus


def test_an_invitation_notifies_the_expert(case, expert_profile, staff, personas):
    invitation = services.invite_expert(
        actor=staff, application=case, profile=expert_profile, role="lead", score=80, reason="H04W"
    )
    assert invitation.status == InvitationStatus.PENDING
    notice = Notification.objects.get(recipient=personas["expert"])
    assert notice.category == "expert_invitation"


def test_accepting_makes_the_expert_a_case_expert_and_starts_guidance(
    case, expert_profile, staff, personas
):
    invitation = services.invite_expert(
        actor=staff, application=case, profile=expert_profile, role="lead"
    )
    link = services.accept_invitation(
        actor=personas["expert"], invitation=invitation, no_conflict=True
    )
    case.refresh_from_db()
    assert (link.expert, link.role, link.assigned_by) == (personas["expert"], "lead", staff)
    assert case.status == "in_guidance"
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED


def test_accepting_requires_confirming_no_conflict(case, expert_profile, staff, personas):
    invitation = services.invite_expert(actor=staff, application=case, profile=expert_profile)
    with pytest.raises(ValidationError) as caught:
        services.accept_invitation(
            actor=personas["expert"], invitation=invitation, no_conflict=False
        )
    assert "no_conflict" in caught.value.message_dict
    assert not CaseExpert.objects.exists()


def test_only_the_invited_expert_answers(case, expert_profile, staff, make_expert):
    invitation = services.invite_expert(actor=staff, application=case, profile=expert_profile)
    other = make_expert("zhao", "赵专家")
    for actor in (staff, other.user):
        with pytest.raises(PermissionDenied):
            services.accept_invitation(actor=actor, invitation=invitation, no_conflict=True)
        with pytest.raises(PermissionDenied):
            services.decline_invitation(actor=actor, invitation=invitation, reason="busy")


def test_declining_asks_for_a_reason_and_tells_the_inviter(case, expert_profile, staff, personas):
    invitation = services.invite_expert(actor=staff, application=case, profile=expert_profile)
    with pytest.raises(ValidationError):
        services.decline_invitation(actor=personas["expert"], invitation=invitation, reason=" ")
    services.decline_invitation(
        actor=personas["expert"], invitation=invitation, reason="在美国出差，无法参加听证"
    )
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    assert Notification.objects.filter(recipient=staff).exists()
    with pytest.raises(ValidationError) as caught:
        services.accept_invitation(
            actor=personas["expert"], invitation=invitation, no_conflict=True
        )
    assert caught.value.code == "stale"


def test_an_expert_at_capacity_cannot_be_invited(make_case, make_expert, staff):
    solo = make_expert("solo", "孙专家", max_concurrent_cases=1)
    services.invite_expert(actor=staff, application=make_case(), profile=solo)
    with pytest.raises(ValidationError) as caught:
        services.invite_expert(actor=staff, application=make_case(), profile=solo)
    assert caught.value.code == "capacity"


def test_a_case_has_one_lead(case, make_expert, staff, personas):
    first, second = make_expert("a", "甲专家"), make_expert("b", "乙专家")
    services.invite_expert(actor=staff, application=case, profile=first, role="lead")
    with pytest.raises(ValidationError) as caught:
        services.invite_expert(actor=staff, application=case, profile=second, role="lead")
    assert caught.value.code == "lead_taken"
    services.invite_expert(actor=staff, application=case, profile=second, role="member")


def test_a_team_is_invited_all_or_none(case, make_expert, staff):
    lead, member = make_expert("a", "甲专家"), make_expert("b", "乙专家")
    with pytest.raises(ValidationError):
        services.invite_team(actor=staff, application=case, lead=lead, members=[member, lead])
    assert not case.expert_invitations.exists()
    services.invite_team(actor=staff, application=case, lead=lead, members=[member])
    assert case.expert_invitations.count() == 2


@pytest.mark.parametrize("who", ["chaoyang", "auditor", "expert", "partner"])
def test_only_center_staff_invite(case, expert_profile, personas, who):
    with pytest.raises(PermissionDenied):
        services.invite_expert(actor=personas[who], application=case, profile=expert_profile)


def test_assigned_experts_log_service_hours(case, expert_profile, staff, personas):
    invitation = services.invite_expert(actor=staff, application=case, profile=expert_profile)
    with pytest.raises(PermissionDenied):
        services.log_service_hours(
            actor=personas["expert"], application=case, worked_on=case.created_at.date(), hours=2
        )
    services.accept_invitation(actor=personas["expert"], invitation=invitation, no_conflict=True)
    entry = services.log_service_hours(
        actor=personas["expert"], application=case, worked_on=case.created_at.date(), hours="2.5"
    )
    assert str(entry.hours) == "2.5"
    with pytest.raises(ValidationError):
        services.log_service_hours(
            actor=personas["expert"], application=case, worked_on=case.created_at.date(), hours=30
        )
