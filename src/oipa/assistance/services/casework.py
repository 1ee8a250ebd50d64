"""The Center's side of a case: decide, coordinate, guide, refer, conclude, close, reopen."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from oipa.accounts.models import Organization, OrgKind, Role
from oipa.core.audit.services import record_event

from ..access import can_read_content
from ..models import (
    Application,
    CaseExpert,
    ClockKind,
    ExpertRole,
    GuidanceKind,
    GuidanceRecord,
    JointGuidance,
    Message,
    Outcome,
    Referral,
)
from ..sla import pause_clock, start_clock, stop_clock
from ..workflow import Action, Status
from ._common import (
    case_experts,
    center_handlers,
    enterprise_contacts,
    notify_event,
    partner_staff,
    require_center,
    require_guide,
    transition,
)


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update().select_related("applicant").get(pk=application.pk)
    )


def accept_application(*, actor, application: Application, case_officer=None) -> Application:
    """受理: stop the acceptance clock, start the expert-assignment clock, tell the enterprise."""
    with transaction.atomic():
        application = _locked(application)
        require_center(actor, application)
        officer = case_officer or application.case_officer or actor
        _check_officer(officer)
        application = transition(
            application,
            Action.ACCEPT,
            actor=actor,
            audit_action="assistance.application_accepted",
            fields={"accepted_at": timezone.now(), "case_officer": officer},
            after={"case_officer": officer.email},
        )
        stop_clock(application, ClockKind.ACCEPTANCE)
        start_clock(application, ClockKind.ASSIGNMENT)
        notify_event(
            application,
            "accepted",
            enterprise_contacts(application),
            _lazy("Your application was accepted"),
            _lazy("The Center accepted your application and will assign experts."),
        )
    return application


def decline_application(*, actor, application: Application, reason: str) -> Application:
    """不予受理 with a reason the enterprise reads."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for declining.")})
    with transaction.atomic():
        application = _locked(application)
        require_center(actor, application)
        application = transition(
            application,
            Action.DECLINE,
            actor=actor,
            audit_action="assistance.application_declined",
            fields={"decision_note": reason.strip()},
            after={"reason": reason.strip()},
        )
        stop_clock(application, ClockKind.ACCEPTANCE)
        notify_event(
            application,
            "declined",
            enterprise_contacts(application),
            _lazy("Your application was not accepted"),
            reason,
        )
    return application


def request_more_information(*, actor, application: Application, request: str) -> Application:
    """补正: ask the enterprise for more; the acceptance clock pauses until it answers."""
    if not request.strip():
        raise ValidationError({"request": _("Say what information is needed.")})
    with transaction.atomic():
        application = _locked(application)
        require_center(actor, application)
        application = transition(
            application,
            Action.REQUEST_INFO,
            actor=actor,
            audit_action="assistance.info_requested",
            fields={"decision_note": request.strip()},
            after={"request": request.strip()},
        )
        pause_clock(application, ClockKind.ACCEPTANCE)
        post_message(actor=actor, application=application, body=request, audit=False)
        notify_event(
            application,
            "info_requested",
            enterprise_contacts(application),
            _lazy("The Center needs more information"),
            request,
        )
    return application


def _check_officer(officer) -> None:
    membership = officer.membership
    if membership is None or not membership.is_center_staff:
        raise ValidationError({"case_officer": _("The case officer must be Center staff.")})


def assign_case_officer(*, actor, application: Application, officer) -> Application:
    """Give the case to a Center staff member (who then receives its notifications)."""
    with transaction.atomic():
        application = _locked(application)
        require_center(actor, application)
        _check_officer(officer)
        previous = application.case_officer
        Application.objects.filter(pk=application.pk).update(
            case_officer=officer, updated_at=timezone.now()
        )
        application.refresh_from_db()
        record_event(
            actor=actor,
            action="assistance.officer_assigned",
            target=application,
            organization=application.applicant,
            before={"case_officer": previous.email if previous else None},
            after={"case_officer": officer.email},
        )
        notify_event(application, "officer", [officer], _lazy("A case was assigned to you"))
    return application


def assign_expert(
    *, actor, application: Application, expert, role: str = ExpertRole.MEMBER
) -> CaseExpert:
    """Assign an expert (lead or member); the first assignment starts guidance and its clock."""
    with transaction.atomic():
        application = _locked(application)
        require_center(actor, application)
        if application.status not in (Status.ACCEPTED, Status.IN_GUIDANCE):
            raise ValidationError(
                _("Experts are assigned once the application is accepted."), code="not_accepted"
            )
        if expert.membership is None or expert.membership.role != Role.EXPERT:
            raise ValidationError({"expert": _("This person is not in the expert pool.")})
        try:
            with transaction.atomic():
                link = CaseExpert.objects.create(
                    application=application, expert=expert, role=role, assigned_by=actor
                )
        except IntegrityError as exc:
            raise ValidationError(
                _("This expert is already on the case, or it already has a lead expert."),
                code="duplicate_expert",
            ) from exc
        record_event(
            actor=actor,
            action="assistance.expert_assigned",
            target=application,
            organization=application.applicant,
            after={"expert": expert.email, "role": role},
        )
        if application.status == Status.ACCEPTED:
            transition(
                application,
                Action.START_GUIDANCE,
                actor=actor,
                audit_action="assistance.guidance_started",
            )
            stop_clock(application, ClockKind.ASSIGNMENT)
            start_clock(application, ClockKind.FIRST_GUIDANCE)
        notify_event(
            application, f"expert-{expert.pk}", [expert], _lazy("You were assigned to a case")
        )
    return link


def propose_joint_guidance(
    *, actor, application: Application, partner_centers, major_impact: bool = False
) -> Application:
    """Staff propose joint guidance with Tianjin/Hebei (Art. 5, 12); partners gain read access."""
    partners = list(partner_centers)
    if not partners or any(p.kind != OrgKind.PARTNER_CENTER for p in partners):
        raise ValidationError({"partner_centers": _("Choose at least one partner center.")})
    with transaction.atomic():
        application = _locked(application)
        require_center(actor, application)
        Application.objects.filter(pk=application.pk).update(
            joint_guidance=JointGuidance.PROPOSED,
            major_jjj_impact=major_impact,
            updated_at=timezone.now(),
        )
        application.partner_centers.add(*partners)
        application.refresh_from_db()
        record_event(
            actor=actor,
            action="assistance.joint_guidance_proposed",
            target=application,
            organization=application.applicant,
            after={"partners": [p.name for p in partners], "major_impact": major_impact},
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
        application = _locked(application)
        require_center(actor, application)
        updated = Application.objects.filter(
            pk=application.pk, joint_guidance=JointGuidance.PROPOSED
        ).update(joint_guidance=JointGuidance.CONFIRMED, updated_at=timezone.now())
        if not updated:
            raise ValidationError(
                _("Joint guidance has not been proposed for this case."), code="not_proposed"
            )
        application.refresh_from_db()
        record_event(
            actor=actor,
            action="assistance.joint_guidance_confirmed",
            target=application,
            organization=application.applicant,
        )
        notify_event(
            application,
            "joint_confirmed",
            partner_staff(application) + enterprise_contacts(application),
            _lazy("Joint guidance confirmed"),
        )
    return application


def _record_guidance(*, actor, application, kind, held_on, summary, attendees="", attachment=None):
    if application.status not in (Status.ACCEPTED, Status.IN_GUIDANCE):
        raise ValidationError(
            _("Guidance is recorded while the case is in guidance."), code="not_in_guidance"
        )
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("The date cannot lie in the future.")})
    if not summary.strip():
        raise ValidationError({"summary": _("Write a summary.")})
    record = GuidanceRecord.objects.create(
        application=application,
        kind=kind,
        held_on=held_on,
        attendees=attendees.strip(),
        summary=summary.strip(),
        attachment=attachment,
        recorded_by=actor,
    )
    if application.first_guidance_at is None:
        Application.objects.filter(pk=application.pk).update(first_guidance_at=timezone.now())
        stop_clock(application, ClockKind.FIRST_GUIDANCE)
    return record


def record_consultation(
    *, actor, application: Application, held_on: date, summary: str, attendees: str = ""
) -> GuidanceRecord:
    """A consultation held with the enterprise (date, attendees, summary)."""
    with transaction.atomic():
        application = _locked(application)
        require_guide(actor, application)
        record = _record_guidance(
            actor=actor,
            application=application,
            kind=GuidanceKind.CONSULTATION,
            held_on=held_on,
            summary=summary,
            attendees=attendees,
        )
        record_event(
            actor=actor,
            action="assistance.consultation_recorded",
            target=application,
            organization=application.applicant,
            after={"held_on": held_on.isoformat(), "attendees": attendees},
        )
        notify_event(
            application,
            f"consultation-{record.pk}",
            enterprise_contacts(application),
            _lazy("A consultation was recorded on your case"),
        )
    return record


def upload_guidance_opinion(
    *, actor, application: Application, upload, summary: str, held_on: date | None = None
) -> GuidanceRecord:
    """A written guidance opinion (file + summary) that the enterprise can read and download."""
    from .files import store_attachment

    with transaction.atomic():
        application = _locked(application)
        require_guide(actor, application)
        attachment = store_attachment(
            actor=actor, application=application, upload=upload, kind="opinion"
        )
        record = _record_guidance(
            actor=actor,
            application=application,
            kind=GuidanceKind.OPINION,
            held_on=held_on or timezone.localdate(),
            summary=summary,
            attachment=attachment,
        )
        record_event(
            actor=actor,
            action="assistance.opinion_uploaded",
            target=application,
            organization=application.applicant,
            after={"file": attachment.original_name},
        )
        notify_event(
            application,
            f"opinion-{record.pk}",
            enterprise_contacts(application),
            _lazy("You received a written guidance opinion"),
        )
    return record


def refer_to_mediation(
    *, actor, application: Application, body: Organization, kind: str, note: str = ""
) -> Referral:
    """Refer the dispute to a mediation or arbitration body (Art. 14)."""
    if body.kind != OrgKind.MEDIATION_BODY:
        raise ValidationError({"body": _("Choose a mediation or arbitration body.")})
    with transaction.atomic():
        application = _locked(application)
        require_center(actor, application)
        if application.status not in (Status.ACCEPTED, Status.IN_GUIDANCE):
            raise ValidationError(
                _("Only a case in guidance can be referred."), code="not_in_guidance"
            )
        referral = Referral.objects.create(
            application=application, body=body, kind=kind, note=note.strip()
        )
        record_event(
            actor=actor,
            action="assistance.referred",
            target=application,
            organization=application.applicant,
            after={"body": body.name, "kind": kind},
        )
        notify_event(
            application,
            f"referral-{referral.pk}",
            enterprise_contacts(application),
            _lazy("Your case was referred to mediation or arbitration"),
        )
    return referral


def record_referral_outcome(*, actor, referral: Referral, outcome: str) -> Referral:
    """Record what the mediation or arbitration body achieved; recorded once."""
    if not outcome.strip():
        raise ValidationError({"outcome": _("Describe the outcome.")})
    with transaction.atomic():
        application = _locked(referral.application)
        require_center(actor, application)
        updated = Referral.objects.filter(pk=referral.pk, outcome_at__isnull=True).update(
            outcome=outcome.strip(), outcome_at=timezone.now()
        )
        if not updated:
            raise ValidationError(
                _("The outcome of this referral is already recorded."), code="stale"
            )
        referral.refresh_from_db()
        record_event(
            actor=actor,
            action="assistance.referral_outcome_recorded",
            target=application,
            organization=application.applicant,
            after={"outcome": outcome.strip()[:500]},
        )
    return referral


def conclude_application(
    *, actor, application: Application, outcome: str, note: str = ""
) -> Application:
    """结案 with an outcome; the enterprise is invited to give feedback."""
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose an outcome.")})
    with transaction.atomic():
        application = _locked(application)
        require_center(actor, application)
        application = transition(
            application,
            Action.CONCLUDE,
            actor=actor,
            audit_action="assistance.application_concluded",
            fields={
                "outcome": outcome,
                "outcome_note": note.strip(),
                "concluded_at": timezone.now(),
            },
            after={"outcome": outcome},
        )
        for kind in ClockKind.values:
            stop_clock(application, kind)
        notify_event(
            application,
            "concluded",
            enterprise_contacts(application) + case_experts(application),
            _lazy("Guidance on your case is concluded"),
            _lazy("Please tell us how satisfied you are with the guidance."),
        )
    return application


def close_application(*, actor, application: Application) -> Application:
    """Close a concluded or declined case (the dossier is then complete)."""
    with transaction.atomic():
        application = _locked(application)
        require_center(actor, application)
        return transition(
            application,
            Action.CLOSE,
            actor=actor,
            audit_action="assistance.application_closed",
            fields={"closed_at": timezone.now()},
        )


def reopen_application(*, actor, application: Application, reason: str) -> Application:
    """Reopen a concluded, closed or declined case, with a reason."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for reopening.")})
    with transaction.atomic():
        application = _locked(application)
        require_center(actor, application)
        application = transition(
            application,
            Action.REOPEN,
            actor=actor,
            audit_action="assistance.application_reopened",
            fields={"closed_at": None, "concluded_at": None},
            after={"reason": reason.strip()},
        )
        if application.status == Status.SUBMITTED:
            start_clock(application, ClockKind.ACCEPTANCE)
        notify_event(
            application,
            "reopened",
            enterprise_contacts(application) + center_handlers(application),
            _lazy("The case was reopened"),
            reason,
        )
    return application


def post_message(*, actor, application: Application, body: str, audit: bool = True) -> Message:
    """A message on the case from the enterprise or the Center, delivered to the other side."""
    if not body.strip():
        raise ValidationError({"body": _("Write a message.")})
    if not can_read_content(actor, application):
        raise PermissionDenied
    membership = actor.membership
    from_applicant = (
        membership is not None and membership.organization_id == application.applicant_id
    )
    if not from_applicant:
        require_guide(actor, application)
    message = Message.objects.create(application=application, author=actor, body=body.strip())
    if audit:
        record_event(
            actor=actor,
            action="assistance.message_posted",
            target=application,
            organization=application.applicant,
        )
    recipients = (
        center_handlers(application) if from_applicant else enterprise_contacts(application)
    )
    notify_event(
        application,
        f"message-{message.pk}",
        recipients,
        _lazy("New message on your case"),
        body[:500],
    )
    return message


def set_confidentiality(
    *, actor, application: Application, confidential: bool, supervisors=()
) -> Application:
    """Mark a case confidential (trade secrets, pre-litigation) and name its supervisors."""
    with transaction.atomic():
        application = _locked(application)
        from ..access import is_applicant

        if not is_applicant(actor, application):
            require_center(actor, application)
        Application.objects.filter(pk=application.pk).update(
            confidential=confidential, updated_at=timezone.now()
        )
        application.supervisors.set(list(supervisors))
        application.refresh_from_db()
        record_event(
            actor=actor,
            action="assistance.confidentiality_changed",
            target=application,
            organization=application.applicant,
            after={"confidential": confidential, "supervisors": [u.email for u in supervisors]},
        )
    return application
