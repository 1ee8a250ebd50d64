"""Who may see which guidance application, and who may read a confidential case's content.

One rule per role, each on its own line:
- enterprise members: their organization's applications (drafts included);
- Center staff, admins and auditors: every submitted application (never others' drafts);
- experts: the cases they are assigned to;
- partner centers: cases proposed or confirmed for joint guidance with them;
- district officers: submitted applications of enterprises registered in their district.
A confidential case still shows in lists to those who may see it, but its content is readable
only by the applicant, the case officer, assigned experts and named supervisors.
"""

from __future__ import annotations

from uuid import UUID

from django.db import models
from django.http import Http404

from .workflow import Status


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user) -> ApplicationQuerySet:
        """Applications the user may know exist; everything else answers 404."""
        membership = user.membership if user.is_authenticated else None
        if membership is None:
            return self.none()
        submitted = self.exclude(status=Status.DRAFT)
        if membership.is_enterprise:
            return self.filter(applicant_id=membership.organization_id)
        if membership.is_center:
            return submitted
        if membership.role == "expert":
            return submitted.filter(experts__expert=user).distinct()
        if membership.role == "partner_staff":
            return submitted.filter(
                joint_guidance__in=["proposed", "confirmed"],
                partner_centers=membership.organization_id,
            ).distinct()
        if membership.role == "district_officer":
            return _district_cases(submitted, membership.organization.division_code)
        return self.none()


def _district_cases(queryset, division_code: str):
    if len(division_code) != 6 or division_code.endswith("00"):
        return queryset.none()
    return queryset.filter(applicant__division_code=division_code)


def can_read_content(user, application) -> bool:
    """Whether the user may read the case's content, given that they may see it exists
    (`visible_to`): always for an ordinary case; for a confidential one only the applicant,
    the case officer, assigned experts and named supervisors."""
    if not application.confidential:
        return True
    membership = getattr(user, "membership", None)
    if membership is None:
        return False
    if membership.organization_id == application.applicant_id:
        return True
    if application.case_officer_id == user.pk:
        return True
    if application.experts.filter(expert=user).exists():
        return True
    return application.supervisors.filter(pk=user.pk).exists()


def readable_by(user) -> models.Q:
    """The condition under which `user` may read a case's content (the queryset form of
    `access.can_read_content`)."""
    from .models import Application, CaseExpert

    membership = user.membership
    open_case = models.Q(confidential=False)
    if membership is None:
        return open_case
    expert = CaseExpert.objects.filter(application=models.OuterRef("pk"), expert=user)
    supervisor = Application.supervisors.through.objects.filter(
        application_id=models.OuterRef("pk"), user_id=user.pk
    )
    return (
        open_case
        | models.Q(applicant_id=membership.organization_id)
        | models.Q(case_officer_id=user.pk)
        | models.Q(models.Exists(expert))
        | models.Q(models.Exists(supervisor))
    )


def with_readable(queryset: models.QuerySet, user) -> models.QuerySet:
    """Annotate `readable` (may the user read the content of each case) in the same query."""
    return queryset.annotate(
        readable=models.ExpressionWrapper(readable_by(user), output_field=models.BooleanField())
    )


def can_act_as_center(user) -> bool:
    """Center staff and admins act on cases; auditors only read."""
    membership = getattr(user, "membership", None)
    return membership is not None and membership.is_center_staff


def is_applicant(user, application) -> bool:
    """A member of the applicant enterprise."""
    membership = getattr(user, "membership", None)
    return (
        membership is not None
        and membership.is_enterprise
        and membership.organization_id == application.applicant_id
    )


def is_assigned_expert(user, application) -> bool:
    """An expert assigned to the case (lead or member)."""
    if not getattr(user, "pk", None):
        return False
    return application.experts.filter(expert=user).exists()


def get_application_for_user(user, code: UUID | str, *, write: bool = False):
    """The application with this code if the user may see it, and act on it when `write`
    (the applicant's members, or Center staff who may read its content); 404 otherwise."""
    from .models import Application

    application = (
        Application.objects.visible_to(user)
        .select_related("applicant", "case_officer", "industry", "created_by")
        .filter(code=code)
        .first()
    )
    if application is None:
        raise Http404
    if write and not (
        is_applicant(user, application)
        or (can_act_as_center(user) and can_read_content(user, application))
        or is_assigned_expert(user, application)
    ):
        raise Http404
    return application
