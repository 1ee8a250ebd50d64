"""Inviting experts to a case, their answer, and what they record on it (service hours).

Capacity (cases in guidance plus pending invitations) is checked under the expert's row lock
both when staff invite and when the expert accepts, so two staff members inviting at the same
moment never take an expert past their maximum.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.assistance.access import can_read_content, is_assigned_expert
from oipa.assistance.models import Application, CaseExpert, ExpertRole
from oipa.assistance.services._common import locked, require_center
from oipa.assistance.services.coordination import join_case_by_invitation
from oipa.assistance.workflow import ACTIVE_STATES
from oipa.core.notifications.models import Category
from oipa.core.notifications.services import notify
from oipa.matching import ALERT_THRESHOLD

from ..conflicts import ConflictIndex
from ..models import (
    ExpertInvitation,
    ExpertProfile,
    InvitationStatus,
    ServiceHours,
)
from ..recommend import active_profiles, case_facts, expert_loads, pool_facts
from ._common import audit, lock_profile


def _desk_url() -> str:
    return reverse("experts:desk")


def conflict_for(profile: ExpertProfile, application: Application) -> str:
    """The expert's declared conflict that matches a party of the case, described; "" if none."""
    facts = pool_facts(active_profiles().filter(pk=profile.pk))
    if not facts:
        return ""
    found = ConflictIndex([f.conflicts for f in facts]).find(case_facts(application).parties)
    for _kind, name, party, score in found.values():
        if score >= ALERT_THRESHOLD:
            return f"{name} ≈ {party}"
    return ""


def _check_assignable(profile: ExpertProfile, application: Application, role: str) -> None:
    if role not in ExpertRole.values:
        raise ValidationError({"role": _("Choose lead expert or member.")})
    if application.status not in ACTIVE_STATES:
        raise ValidationError(
            _("Experts are invited to accepted cases and cases in guidance."),
            code="not_active",
        )
    if CaseExpert.objects.filter(application=application, expert_id=profile.user_id).exists():
        raise ValidationError(_("This expert is already on the case."), code="on_case")
    if role == ExpertRole.LEAD and (
        CaseExpert.objects.filter(application=application, role=ExpertRole.LEAD).exists()
        or ExpertInvitation.objects.filter(
            application=application, role=ExpertRole.LEAD, status=InvitationStatus.PENDING
        ).exists()
    ):
        raise ValidationError(
            _("The case already has a lead expert or a pending lead invitation."),
            code="lead_taken",
        )
    today = timezone.localdate()
    if profile.unavailability.filter(starts_on__lte=today, ends_on__gte=today).exists():
        raise ValidationError(_("This expert is unavailable at present."), code="unavailable")
    conflict = conflict_for(profile, application)
    if conflict:
        raise ValidationError(
            _("This expert declared a conflict with a party of the case (%(detail)s).")
            % {"detail": conflict},
            code="conflict",
        )


def _load(profile: ExpertProfile) -> int:
    return expert_loads([profile]).get(profile.pk, 0)


def invite_expert(
    *,
    actor,
    application: Application,
    profile: ExpertProfile,
    role: str = ExpertRole.MEMBER,
    score: float = 0.0,
    reason: str = "",
) -> ExpertInvitation:
    """Center staff invite an expert to a case as lead or member. Refused when the expert is
    not active, unavailable, conflicted with a party, already on or invited to the case, at
    capacity, or when the case already has a lead. The expert is notified."""
    with transaction.atomic():
        application = locked(application)
        require_center(actor, application)
        profile = lock_profile(profile)
        _check_assignable(profile, application, role)
        if _load(profile) >= profile.max_concurrent_cases:
            raise ValidationError(
                _("%(expert)s has no capacity left for another case.") % {"expert": profile},
                code="capacity",
            )
        try:
            with transaction.atomic():
                invitation = ExpertInvitation.objects.create(
                    application=application,
                    expert=profile,
                    role=role,
                    score=round(float(score), 1),
                    reason=(reason or "")[:300],
                    invited_by=actor,
                )
        except IntegrityError as exc:
            raise ValidationError(
                _("This expert already has a pending invitation to the case."), code="duplicate"
            ) from exc
        audit(actor, application, "experts.invited", expert=profile.user.email, role=role)
        label = application.number or application.title
        notify(
            recipients=[profile.user],
            event_key=f"expert-invitation:{invitation.code}",
            render=lambda: (
                _("You are invited to guide case %(case)s") % {"case": label},
                "",
            ),
            url=_desk_url(),
            category=Category.EXPERT_INVITATION,
        )
    return invitation


def invite_team(
    *, actor, application: Application, lead: ExpertProfile | None, members=(), reasons=None
) -> list[ExpertInvitation]:
    """Invite a lead and members at once: all of them or, if one is refused, none."""
    reasons = reasons or {}
    people = ([(lead, ExpertRole.LEAD)] if lead else []) + [(m, ExpertRole.MEMBER) for m in members]
    if not people:
        raise ValidationError(_("Choose at least one expert."), code="empty")
    with transaction.atomic():
        return [
            invite_expert(
                actor=actor,
                application=application,
                profile=p,
                role=role,
                score=reasons.get(p.pk, (0.0, ""))[0],
                reason=reasons.get(p.pk, (0.0, ""))[1],
            )
            for p, role in people
        ]


def _answer(invitation: ExpertInvitation, status: str, **fields) -> None:
    updated = ExpertInvitation.objects.filter(
        pk=invitation.pk, status=InvitationStatus.PENDING
    ).update(status=status, responded_at=timezone.now(), **fields)
    if not updated:
        raise ValidationError(_("This invitation was already answered or withdrawn."), code="stale")
    invitation.refresh_from_db()


def accept_invitation(*, actor, invitation: ExpertInvitation, no_conflict: bool) -> CaseExpert:
    """The invited expert accepts, confirming they have no conflict of interest, and joins the
    case (guidance starts with the first expert). Conflicts, availability and capacity are
    checked again under the expert's row lock."""
    profile = invitation.expert
    if profile.user_id != actor.pk:
        raise PermissionDenied
    if not no_conflict:
        raise ValidationError(
            {"no_conflict": _("Confirm that you have no conflict of interest in this case.")}
        )
    with transaction.atomic():
        application = locked(invitation.application)
        profile = lock_profile(profile)
        if (
            invitation.role == ExpertRole.LEAD
            and CaseExpert.objects.filter(application=application, role=ExpertRole.LEAD).exists()
        ):
            raise ValidationError(_("The case already has a lead expert."), code="lead_taken")
        _check_assignable_on_accept(profile, application)
        _answer(invitation, InvitationStatus.ACCEPTED)
        # The accepted invitation no longer counts as pending: the case itself now does.
        if _load(profile) + 1 > profile.max_concurrent_cases:
            raise ValidationError(_("You have no capacity left for another case."), code="capacity")
        link = join_case_by_invitation(
            actor=actor,
            application=application,
            role=invitation.role,
            invited_by=invitation.invited_by,
        )
        audit(actor, application, "experts.invitation_accepted", role=invitation.role)
    return link


def _check_assignable_on_accept(profile: ExpertProfile, application: Application) -> None:
    if application.status not in ACTIVE_STATES:
        raise ValidationError(_("This case is no longer open for experts."), code="not_active")
    today = timezone.localdate()
    if profile.unavailability.filter(starts_on__lte=today, ends_on__gte=today).exists():
        raise ValidationError(_("You are marked unavailable at present."), code="unavailable")
    conflict = conflict_for(profile, application)
    if conflict:
        raise ValidationError(
            _("You declared a conflict with a party of this case (%(detail)s).")
            % {"detail": conflict},
            code="conflict",
        )


def decline_invitation(*, actor, invitation: ExpertInvitation, reason: str) -> ExpertInvitation:
    """The invited expert declines, giving a reason; the inviting staff member is told."""
    if invitation.expert.user_id != actor.pk:
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Tell the Center why you decline.")})
    with transaction.atomic():
        _answer(invitation, InvitationStatus.DECLINED, decline_reason=reason)
        application = invitation.application
        audit(actor, application, "experts.invitation_declined", reason=reason)
        label = application.number or application.title
        notify(
            recipients=[invitation.invited_by],
            event_key=f"expert-invitation-declined:{invitation.code}",
            render=lambda: (
                _("%(expert)s declined case %(case)s") % {"expert": actor, "case": label},
                reason,
            ),
            url=reverse("assistance:application_detail", args=[application.code]),
            category=Category.CASE_UPDATE,
        )
    return invitation


def withdraw_invitation(*, actor, invitation: ExpertInvitation) -> ExpertInvitation:
    """Center staff withdraw a pending invitation (it frees the expert's capacity)."""
    with transaction.atomic():
        require_center(actor, invitation.application)
        _answer(invitation, InvitationStatus.WITHDRAWN)
        audit(actor, invitation.application, "experts.invitation_withdrawn")
    return invitation


def log_service_hours(
    *, actor, application: Application, worked_on: date, hours, note: str = ""
) -> ServiceHours:
    """An assigned expert records time spent on a case (volunteer hours are reported per
    year). Hours are between 0.1 and 24 a day; the date cannot lie in the future."""
    profile = ExpertProfile.objects.filter(user=actor).first()
    if profile is None or not is_assigned_expert(actor, application):
        raise PermissionDenied
    if not can_read_content(actor, application):
        raise PermissionDenied
    try:
        amount = Decimal(str(hours)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError({"hours": _("Enter a number of hours.")}) from exc
    if not Decimal("0") < amount <= Decimal("24"):
        raise ValidationError({"hours": _("Enter between 0.1 and 24 hours.")})
    if worked_on > timezone.localdate():
        raise ValidationError({"worked_on": _("The date cannot lie in the future.")})
    with transaction.atomic():
        entry = ServiceHours.objects.create(
            expert=profile,
            application=application,
            worked_on=worked_on,
            hours=amount,
            note=(note or "").strip()[:300],
        )
        audit(actor, application, "experts.hours_logged", hours=str(amount))
    return entry
