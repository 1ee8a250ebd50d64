"""The guidance application's states and the one table of allowed transitions.

Every service that changes an application's status looks its transition up here; anything not
listed is refused with a clear message. The table is the single declarative definition of the
procedure (申请 → 受理/不予受理/补正 → 指导 → 结案 → 关闭).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    INFO_REQUESTED = "info_requested", _("More information requested")
    ACCEPTED = "accepted", _("Accepted")
    IN_GUIDANCE = "in_guidance", _("In guidance")
    DECLINED = "declined", _("Declined")
    CONCLUDED = "concluded", _("Concluded")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Action(models.TextChoices):
    SUBMIT = "submit", _("Submit")
    ACCEPT = "accept", _("Accept")
    DECLINE = "decline", _("Decline")
    REQUEST_INFO = "request_info", _("Request more information")
    ANSWER_INFO = "answer_info", _("Answer the request for more information")
    START_GUIDANCE = "start_guidance", _("Start guidance")
    CONCLUDE = "conclude", _("Conclude")
    CLOSE = "close", _("Close")
    WITHDRAW = "withdraw", _("Withdraw")
    REOPEN = "reopen", _("Reopen")


S = Status
TRANSITIONS: dict[tuple[str, str], str] = {
    (S.DRAFT, Action.SUBMIT): S.SUBMITTED,
    (S.SUBMITTED, Action.ACCEPT): S.ACCEPTED,
    (S.SUBMITTED, Action.DECLINE): S.DECLINED,
    (S.SUBMITTED, Action.REQUEST_INFO): S.INFO_REQUESTED,
    (S.INFO_REQUESTED, Action.ANSWER_INFO): S.SUBMITTED,
    (S.INFO_REQUESTED, Action.DECLINE): S.DECLINED,
    (S.ACCEPTED, Action.START_GUIDANCE): S.IN_GUIDANCE,
    (S.ACCEPTED, Action.CONCLUDE): S.CONCLUDED,
    (S.IN_GUIDANCE, Action.CONCLUDE): S.CONCLUDED,
    (S.CONCLUDED, Action.CLOSE): S.CLOSED,
    (S.DECLINED, Action.CLOSE): S.CLOSED,
    (S.SUBMITTED, Action.WITHDRAW): S.WITHDRAWN,
    (S.INFO_REQUESTED, Action.WITHDRAW): S.WITHDRAWN,
    (S.ACCEPTED, Action.WITHDRAW): S.WITHDRAWN,
    (S.IN_GUIDANCE, Action.WITHDRAW): S.WITHDRAWN,
    (S.CONCLUDED, Action.REOPEN): S.IN_GUIDANCE,
    (S.CLOSED, Action.REOPEN): S.IN_GUIDANCE,
    (S.DECLINED, Action.REOPEN): S.SUBMITTED,
}

OPEN_STATES = {S.SUBMITTED, S.INFO_REQUESTED, S.ACCEPTED, S.IN_GUIDANCE}
# States in which the Center works on the case (guidance records, experts, referrals).
ACTIVE_STATES = {S.ACCEPTED, S.IN_GUIDANCE}


def target_state(current: str, action: str) -> str | None:
    """The state `action` leads to from `current`, or None when it is not allowed."""
    return TRANSITIONS.get((current, action))


def allowed_actions(current: str) -> list[str]:
    """The actions the table allows from `current`, in table order."""
    return [action for (state, action) in TRANSITIONS if state == current]


AUDIT_LABELS = {
    "assistance.application_created": _("Draft created"),
    "assistance.draft_saved": _("Draft saved"),
    "assistance.application_submitted": _("Application submitted"),
    "assistance.application_accepted": _("Application accepted"),
    "assistance.application_declined": _("Application declined"),
    "assistance.info_requested": _("More information requested"),
    "assistance.info_answered": _("More information provided"),
    "assistance.guidance_started": _("Guidance started"),
    "assistance.application_concluded": _("Guidance concluded"),
    "assistance.application_closed": _("Case closed"),
    "assistance.application_withdrawn": _("Application withdrawn"),
    "assistance.application_reopened": _("Case reopened"),
    "assistance.officer_assigned": _("Case officer assigned"),
    "assistance.expert_assigned": _("Expert assigned"),
    "assistance.joint_guidance_proposed": _("Joint guidance proposed"),
    "assistance.joint_guidance_confirmed": _("Joint guidance confirmed"),
    "assistance.consultation_recorded": _("Consultation recorded"),
    "assistance.opinion_uploaded": _("Guidance opinion uploaded"),
    "assistance.referred": _("Referred to mediation or arbitration"),
    "assistance.referral_outcome_recorded": _("Referral outcome recorded"),
    "assistance.message_posted": _("Message posted"),
    "assistance.file_uploaded": _("File uploaded"),
    "assistance.file_downloaded": _("File downloaded"),
    "assistance.feedback_given": _("Feedback given"),
    "assistance.confidentiality_changed": _("Confidentiality changed"),
}


def register_audit_labels() -> None:
    from oipa.core.audit.actions import register_action

    for action, label in AUDIT_LABELS.items():
        register_action(action, label)
