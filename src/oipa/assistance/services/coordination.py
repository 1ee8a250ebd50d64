"""Who works on a case: case officer, experts, partner centers (joint guidance), supervisors of
a confidential case."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from oipa.accounts.models import OrgKind, Role

from ..access import is_applicant
from ..models import Application, CaseExpert, ClockKind, ExpertRole, JointGuidance
from ..sla import start_clock, stop_clock
from ..workflow import ACTIVE_STATES, Action, Status
from ._common import (
    audit,
    enterprise_contacts,
    locked,
    notify_event,
    partner_staff,
    refuse_transition,
    require_center,
    require_submitted,
    transition,
)


def check_officer(officer) -> None:
    """A case officer must be active Center staff."""
    membership = officer.membership if officer is not None else None
    if membership is None or not membership.is_center_staff:
        raise ValidationError({"case_officer": _("The case officer must be Center staff.")})


def _require_officer_assigner(actor, application: Application) -> None:
    # A confidential case nobody may read yet would be stuck: a Center admin may give it an
    # officer (who then reads it) without reading it themselves.
    membership = actor.membership
    if application.confidential and membership is not None and membership.is_center_admin:
        return
    require_center(actor, application)


def assign_case_officer(*, actor, application: Application, officer) -> Application:
    """Give a submitted case to a Center staff member (who then receives its notifications)."""
    with transaction.atomic():
        application = locked(application)
        _require_officer_assigner(actor, application)
        require_submitted(application)
        check_officer(officer)
        previous = application.case_officer
        Application.objects.filter(pk=application.pk).update(
            case_officer=officer, updated_at=timezone.now()
        )
        application.refresh_from_db()
        audit(
            actor,
            application,
            "assistance.officer_assigned",
            case_officer=officer.email,
            previous=previous.email if previous else None,
        )
        notify_event(
            application, "officer", [officer], _lazy("A case was assigned to you"), actor=actor
        )
    return application


def _check_expert(expert, role: str) -> None:
    if role not in ExpertRole.values:
        raise ValidationError({"role": _("Choose lead expert or member.")})
    membership = expert.membership if expert is not None else None
    if membership is None or membership.role != Role.EXPERT:
        raise ValidationError({"expert": _("This person is not in the expert pool.")})


def _link_expert(*, actor, application: Application, expert, role: str) -> CaseExpert:
    try:
        with transaction.atomic():
            return CaseExpert.objects.create(
                application=application, expert=expert, role=role, assigned_by=actor
            )
    except IntegrityError as exc:
        raise ValidationError(
            _("This expert is already on the case, or it already has a lead expert."),
            code="duplicate_expert",
        ) from exc


def assign_expert(
    *, actor, application: Application, expert, role: str = ExpertRole.MEMBER
) -> CaseExpert:
    """Assign an expert (lead or member) to an accepted case. The first assignment starts
    guidance: the assignment clock stops and the first-guidance clock starts (unless the
    Center already gave guidance itself)."""
    _check_expert(expert, role)
    with transaction.atomic():
        application = locked(application)
        require_center(actor, application)
        return _attach_expert(
            actor=actor, application=application, expert=expert, role=role, assigned_by=actor
        )


def join_case_by_invitation(
    *, actor, application: Application, role: str, invited_by
) -> CaseExpert:
    """The expert `actor` joins a case on an invitation they accepted. The experts app has
    checked the invitation, conflicts and capacity; the effects are those of `assign_expert`
    (guidance starts on the first expert), recorded as the expert's act, `invited_by` kept as
    the one who assigned them."""
    _check_expert(actor, role)
    with transaction.atomic():
        application = locked(application)
        return _attach_expert(
            actor=actor, application=application, expert=actor, role=role, assigned_by=invited_by
        )


def _attach_expert(
    *, actor, application: Application, expert, role: str, assigned_by
) -> CaseExpert:
    if application.status not in ACTIVE_STATES:
        raise refuse_transition(application.status)
    link = _link_expert(actor=assigned_by, application=application, expert=expert, role=role)
    audit(actor, application, "assistance.expert_assigned", expert=expert.email, role=role)
    if application.status == Status.ACCEPTED:
        transition(
            application,
            Action.START_GUIDANCE,
            actor=actor,
            audit_action="assistance.guidance_started",
        )
        stop_clock(application, ClockKind.ASSIGNMENT)
        if application.first_guidance_at is None:
            start_clock(application, ClockKind.FIRST_GUIDANCE)
    notify_event(
        application,
        f"expert-{expert.pk}",
        [expert],
        _lazy("You were assigned to a case"),
        actor=actor,
    )
    return link


def _check_partners(partner_centers) -> list:
    partners = list(partner_centers or [])
    if not partners or any(p.kind != OrgKind.PARTNER_CENTER or not p.is_active for p in partners):
        raise ValidationError({"partner_centers": _("Choose at least one partner center.")})
    return partners


def propose_joint_guidance(
    *, actor, application: Application, partner_centers, major_impact: bool = False
) -> Application:
    """Staff propose joint guidance with Tianjin/Hebei partner centers (Art. 5, 12), e.g. for a
    case with major impact on JJJ industry; the partners gain read access and are told."""
    partners = _check_partners(partner_centers)
    with transaction.atomic():
        application = locked(application)
        require_center(actor, application)
        require_submitted(application)
        joint = (
            JointGuidance.CONFIRMED
            if application.joint_guidance == JointGuidance.CONFIRMED
            else JointGuidance.PROPOSED
        )
        Application.objects.filter(pk=application.pk).update(
            joint_guidance=joint,
            major_jjj_impact=application.major_jjj_impact or major_impact,
            updated_at=timezone.now(),
        )
        application.partner_centers.add(*partners)
        application.refresh_from_db()
        audit(
            actor,
            application,
            "assistance.joint_guidance_proposed",
            partners=[p.name for p in partners],
            major_impact=major_impact,
        )
        notify_event(
            application,
            "joint_proposed",
            partner_staff(application),
            _lazy("Joint guidance proposed"),
        )
    return application


def confirm_joint_guidance(*, actor, application: Application) -> Application:
    """Confirm a proposed joint guidance (the partner centers keep read access)."""
    with transaction.atomic():
        application = locked(application)
        require_center(actor, application)
        updated = Application.objects.filter(
            pk=application.pk, joint_guidance=JointGuidance.PROPOSED
        ).update(joint_guidance=JointGuidance.CONFIRMED, updated_at=timezone.now())
        if not updated:
            raise ValidationError(
                _("Joint guidance has not been proposed for this case."), code="not_proposed"
            )
        application.refresh_from_db()
        audit(actor, application, "assistance.joint_guidance_confirmed")
        notify_event(
            application,
            "joint_confirmed",
            partner_staff(application) + enterprise_contacts(application),
            _lazy("Joint guidance confirmed"),
        )
    return application


def _check_supervisors(supervisors) -> list:
    people = list(supervisors or [])
    for person in people:
        membership = person.membership
        if membership is None or not membership.is_center:
            raise ValidationError({"supervisors": _("Supervisors must be Center staff.")})
    return people


def set_confidentiality(
    *, actor, application: Application, confidential: bool, supervisors=()
) -> Application:
    """Mark a case confidential (trade secrets, pre-litigation) and name its supervisors, by the
    applicant or by Center staff who may read the case."""
    people = _check_supervisors(supervisors)
    with transaction.atomic():
        application = locked(application)
        if not is_applicant(actor, application):
            require_center(actor, application)
            require_submitted(application)
        Application.objects.filter(pk=application.pk).update(
            confidential=bool(confidential), updated_at=timezone.now()
        )
        application.supervisors.set(people)
        application.refresh_from_db()
        audit(
            actor,
            application,
            "assistance.confidentiality_changed",
            confidential=bool(confidential),
            supervisors=[u.email for u in people],
        )
    return application
