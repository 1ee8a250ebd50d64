"""Forms of the Center's actions on a case, and which of them to offer to whom.

Each form has a `name` (its URL slug), a `label` (the button), a `done` message and an
`offered(application)` rule; `offered_actions` adds the permission checks. The views call one
service per form; the service stays the judge (a form that was offered a moment ago may still be
refused if someone else changed the case).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oipa.accounts.models import Organization, OrgKind, Role, User
from oipa.core.forms import PlainLabelsMixin

from .access import can_act_as_center, can_read_content
from .filters import center_officers
from .models import Application, ExpertRole, JointGuidance, Outcome, Referral, ReferralKind
from .workflow import ACTIVE_STATES, OPEN_STATES, Action, Status, allowed_actions

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


def _people(*roles: str):
    return (
        User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__organization__is_active=True,
            memberships__role__in=roles,
        )
        .distinct()
        .order_by("full_name", "email")
    )


def _organizations(kind: str):
    return Organization.objects.filter(kind=kind, is_active=True).order_by("name")


class StaffActionForm(PlainLabelsMixin, forms.Form):
    """One action on one case; subclasses set name, label, done and, when it is not a
    transition of the table, `offered`."""

    name: ClassVar[str]
    label: ClassVar[Any]
    done: ClassVar[Any]
    transition: ClassVar[str | None] = None
    # Button style: transitions that end or refuse a case are not the primary action.
    secondary: ClassVar[bool] = False

    def __init__(self, *args: Any, application: Application, user, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_{self.name}_%s")
        super().__init__(*args, **kwargs)
        self.application = application
        self.user = user

    @classmethod
    def offered(cls, application: Application) -> bool:
        """Whether the case's current state allows the action."""
        return cls.transition in allowed_actions(application.status)


class AcceptForm(StaffActionForm):
    name, label, transition = "accept", _("Accept"), Action.ACCEPT
    done = _("The application was accepted.")
    case_officer = forms.ModelChoiceField(queryset=center_officers(), label=_("Case officer"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case_officer"].initial = self.application.case_officer_id or self.user.pk


class DeclineForm(StaffActionForm):
    name, label, transition = "decline", _("Decline"), Action.DECLINE
    done, secondary = _("The application was declined."), True
    reason = forms.CharField(
        label=_("Reason (the enterprise reads it)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class RequestInfoForm(StaffActionForm):
    name, label, transition = "request-info", _("Request more information"), Action.REQUEST_INFO
    done, secondary = _("The request for more information was sent."), True
    request = forms.CharField(
        label=_("Information needed"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AssignOfficerForm(StaffActionForm):
    name, label = "assign-officer", _("Assign case officer")
    done = _("The case officer was assigned.")
    officer = forms.ModelChoiceField(queryset=center_officers(), label=_("Case officer"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].initial = self.application.case_officer_id

    @classmethod
    def offered(cls, application: Application) -> bool:
        return application.status in OPEN_STATES


class AssignExpertForm(StaffActionForm):
    name, label = "assign-expert", _("Assign expert")
    done = _("The expert was assigned.")
    expert = forms.ModelChoiceField(queryset=_people(Role.EXPERT), label=_("Expert"))
    role = forms.ChoiceField(
        choices=ExpertRole.choices, initial=ExpertRole.MEMBER, label=_("Role on the case")
    )

    @classmethod
    def offered(cls, application: Application) -> bool:
        return application.status in ACTIVE_STATES


class ProposeJointForm(StaffActionForm):
    name, label = "propose-joint", _("Propose joint guidance")
    done = _("Joint guidance was proposed; the partner centers can now read the case.")
    partner_centers = forms.ModelMultipleChoiceField(
        queryset=_organizations(OrgKind.PARTNER_CENTER),
        label=_("Partner centers"),
        widget=forms.CheckboxSelectMultiple,
    )
    major_impact = forms.BooleanField(
        required=False, label=_("Major impact on Beijing–Tianjin–Hebei industry")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["major_impact"].initial = self.application.major_jjj_impact

    @classmethod
    def offered(cls, application: Application) -> bool:
        return (
            application.status in OPEN_STATES
            and application.joint_guidance != JointGuidance.CONFIRMED
        )


class ConfirmJointForm(StaffActionForm):
    name, label = "confirm-joint", _("Confirm joint guidance")
    done = _("Joint guidance was confirmed.")

    @classmethod
    def offered(cls, application: Application) -> bool:
        return (
            application.status in OPEN_STATES
            and application.joint_guidance == JointGuidance.PROPOSED
        )


class ConsultationForm(StaffActionForm):
    name, label = "consultation", _("Record consultation")
    done = _("The consultation was recorded.")
    held_on = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    attendees = forms.CharField(label=_("Attendees"), max_length=500, required=False)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["held_on"].initial = timezone.localdate()

    @classmethod
    def offered(cls, application: Application) -> bool:
        return application.status in ACTIVE_STATES


class OpinionForm(StaffActionForm):
    name, label = "opinion", _("Upload guidance opinion")
    done = _("The guidance opinion was uploaded; the enterprise can read it.")
    upload = forms.FileField(label=_("Opinion document"))
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}))
    held_on = forms.DateField(label=_("Date of the opinion"), required=False, widget=DATE_INPUT)

    @classmethod
    def offered(cls, application: Application) -> bool:
        return application.status in ACTIVE_STATES


class ReferForm(StaffActionForm):
    name, label = "refer", _("Refer to mediation or arbitration")
    done = _("The case was referred.")
    body = forms.ModelChoiceField(
        queryset=_organizations(OrgKind.MEDIATION_BODY), label=_("Mediation or arbitration body")
    )
    kind = forms.ChoiceField(choices=ReferralKind.choices, label=_("Kind"))
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    @classmethod
    def offered(cls, application: Application) -> bool:
        return application.status in ACTIVE_STATES


class ReferralOutcomeForm(StaffActionForm):
    name, label = "referral-outcome", _("Record referral outcome")
    done = _("The outcome of the referral was recorded.")
    referral = forms.ModelChoiceField(queryset=Referral.objects.none(), label=_("Referral"))
    outcome = forms.CharField(label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        referral = self.fields["referral"]
        assert isinstance(referral, forms.ModelChoiceField)
        referral.queryset = pending_referrals(self.application)

    @classmethod
    def offered(cls, application: Application) -> bool:
        return application.status != Status.DRAFT and pending_referrals(application).exists()


class ConcludeForm(StaffActionForm):
    name, label, transition = "conclude", _("Conclude"), Action.CONCLUDE
    done = _("Guidance on the case was concluded.")
    outcome = forms.ChoiceField(choices=[("", "---------"), *Outcome.choices], label=_("Outcome"))
    note = forms.CharField(
        label=_("Outcome details"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CloseForm(StaffActionForm):
    name, label, transition = "close", _("Close the case"), Action.CLOSE
    done, secondary = _("The case was closed."), True


class ReopenForm(StaffActionForm):
    name, label, transition = "reopen", _("Reopen"), Action.REOPEN
    done, secondary = _("The case was reopened."), True
    reason = forms.CharField(
        label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ConfidentialityForm(StaffActionForm):
    name, label = "confidentiality", _("Set confidentiality")
    done, secondary = _("Confidentiality was updated."), True
    confidential = forms.BooleanField(required=False, label=_("Confidential"))
    supervisors = forms.ModelMultipleChoiceField(
        queryset=_people(Role.CENTER_ADMIN, Role.CENTER_STAFF, Role.AUDITOR),
        required=False,
        label=_("Supervisors"),
        help_text=_("Besides the case officer and the experts, only they may read the case."),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["confidential"].initial = self.application.confidential
        self.fields["supervisors"].initial = [u.pk for u in self.application.supervisors.all()]

    @classmethod
    def offered(cls, application: Application) -> bool:
        return application.status != Status.DRAFT


def pending_referrals(application: Application):
    """The case's referrals whose outcome is not recorded yet."""
    return Referral.objects.filter(application=application, outcome_at__isnull=True).select_related(
        "body"
    )


ACTION_FORMS: dict[str, type[StaffActionForm]] = {
    form.name: form
    for form in (
        AcceptForm,
        RequestInfoForm,
        DeclineForm,
        AssignOfficerForm,
        AssignExpertForm,
        ProposeJointForm,
        ConfirmJointForm,
        ConsultationForm,
        OpinionForm,
        ReferForm,
        ReferralOutcomeForm,
        ConcludeForm,
        CloseForm,
        ReopenForm,
        ConfidentialityForm,
    )
}


def may_act(user, application: Application) -> bool:
    """Center staff and admins who may read the case act on it; auditors and others never."""
    return can_act_as_center(user) and can_read_content(user, application)


def offered_actions(user, application: Application) -> list[type[StaffActionForm]]:
    """The action forms to show `user` on this case now, in a sensible order."""
    if not may_act(user, application):
        return []
    return [form for form in ACTION_FORMS.values() if form.offered(application)]
