"""Institutions' listings: added by the Center, changed by proposals the Center reviews,
linked to the organization that maintains them, withdrawn and reinstated."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.accounts.models import Organization, OrgKind, Role, User
from oipa.core.audit.services import record_event
from oipa.core.notifications.services import notify

from ..listing import InstitutionDetails, validate_institution
from ..models import ChangeStatus, Institution, ListingChange, ListingStatus
from ..search import reindex_on_commit
from ._common import jurisdictions_for, require_center_staff, summary_of


def _institution_fields(details: InstitutionDetails) -> dict[str, Any]:
    data = details.as_data()
    data.pop("countries")
    data["uscc"] = data["uscc"] or None
    return data


def _check_uscc_free(uscc: str, *, institution: Institution | None = None) -> None:
    if not uscc:
        return
    taken = Institution.objects.filter(uscc=uscc)
    if institution is not None:
        taken = taken.exclude(pk=institution.pk)
    if taken.exists():
        raise ValidationError({"uscc": _("Another listing already has this USCC.")})


def _write_institution(institution: Institution, details: InstitutionDetails, **extra) -> None:
    Institution.objects.filter(pk=institution.pk).update(
        **_institution_fields(details), updated_at=timezone.now(), **extra
    )
    institution.countries.set(jurisdictions_for(details.countries))
    institution.refresh_from_db()


def create_institution(
    *, actor: Any, details: InstitutionDetails, organization: Organization | None = None
) -> Institution:
    """Center staff add a listing, live at once. `organization` (a service institution on the
    platform) lets that institution's staff propose changes to it."""
    require_center_staff(actor)
    details = validate_institution(details)
    if organization is not None and organization.kind != OrgKind.SERVICE_INSTITUTION:
        raise ValidationError({"organization": _("Link a service institution organization.")})
    with transaction.atomic():
        _check_uscc_free(details.uscc)
        if (
            organization is not None
            and Institution.objects.filter(organization=organization).exists()
        ):
            raise ValidationError({"organization": _("This organization already has a listing.")})
        institution = Institution.objects.create(
            **_institution_fields(details),
            organization=organization,
            status=ListingStatus.LISTED,
            listed_at=timezone.now(),
        )
        institution.countries.set(jurisdictions_for(details.countries))
        record_event(
            actor=actor,
            action="directory.institution_listed",
            target=institution,
            after=summary_of(details),
        )
        reindex_on_commit("institution", institution.code)
    return institution


def propose_institution(*, actor: Any, details: InstitutionDetails) -> ListingChange:
    """Institution staff whose organization has no listing yet propose one; it stays hidden
    until the Center approves it."""
    membership = getattr(actor, "membership", None)
    if membership is None or not membership.is_institution:
        raise PermissionDenied(_("Only service institution staff may propose a listing."))
    details = validate_institution(details)
    organization = membership.organization
    with transaction.atomic():
        _check_uscc_free(details.uscc)
        if Institution.objects.filter(organization=organization).exists():
            raise ValidationError(_("Your institution already has a listing: edit it instead."))
        try:
            with transaction.atomic():
                institution = Institution.objects.create(
                    **_institution_fields(details), organization=organization
                )
        except IntegrityError:  # a colleague's proposal (or the same USCC) won the race
            raise ValidationError(
                _("Someone else proposed a listing at the same moment. Reload and try again.")
            ) from None
        institution.countries.set(jurisdictions_for(details.countries))
        change = ListingChange.objects.create(
            institution=institution, data=details.as_data(), proposed_by=actor
        )
        record_event(
            actor=actor,
            action="directory.change_proposed",
            target=institution,
            after={"change": str(change.code), **summary_of(details)},
        )
    return change


def propose_institution_change(
    *, actor: Any, institution: Institution, details: InstitutionDetails
) -> ListingChange:
    """Institution staff propose new values for their own listing. The live listing is not
    touched; an earlier pending proposal is superseded by this one."""
    membership = getattr(actor, "membership", None)
    if (
        membership is None
        or not membership.is_institution
        or institution.organization_id != membership.organization_id
    ):
        raise PermissionDenied(_("You may only change your own institution's listing."))
    details = validate_institution(details)
    with transaction.atomic():
        _check_uscc_free(details.uscc, institution=institution)
        if details == InstitutionDetails.of(institution):
            raise ValidationError(_("Nothing has changed."))
        superseded = ListingChange.objects.filter(
            institution=institution, status=ChangeStatus.PENDING
        ).update(status=ChangeStatus.SUPERSEDED)
        try:
            with transaction.atomic():
                change = ListingChange.objects.create(
                    institution=institution, data=details.as_data(), proposed_by=actor
                )
        except IntegrityError:
            raise ValidationError(
                _("Someone else proposed a change at the same moment. Reload and try again.")
            ) from None
        record_event(
            actor=actor,
            action="directory.change_proposed",
            target=institution,
            before={"superseded": superseded},
            after={"change": str(change.code), **summary_of(details)},
        )
    return change


def update_institution(
    *, actor: Any, institution: Institution, details: InstitutionDetails
) -> Institution:
    """Center staff correct a listing directly (they are its reviewers)."""
    require_center_staff(actor)
    details = validate_institution(details)
    with transaction.atomic():
        _check_uscc_free(details.uscc, institution=institution)
        before = InstitutionDetails.of(institution)
        _write_institution(institution, details)
        record_event(
            actor=actor,
            action="directory.institution_updated",
            target=institution,
            before=summary_of(before),
            after=summary_of(details),
        )
        reindex_on_commit("institution", institution.code)
    return institution


def link_organization(
    *, actor: Any, institution: Institution, organization: Organization | None
) -> Institution:
    """Center staff link the platform organization whose institution staff maintain the listing
    (None unlinks it). An organization maintains at most one listing."""
    require_center_staff(actor)
    if organization is not None and organization.kind != OrgKind.SERVICE_INSTITUTION:
        raise ValidationError({"organization": _("Link a service institution organization.")})
    with transaction.atomic():
        if (
            organization is not None
            and Institution.objects.filter(organization=organization)
            .exclude(pk=institution.pk)
            .exists()
        ):
            raise ValidationError({"organization": _("This organization already has a listing.")})
        before = institution.organization
        changed = Institution.objects.filter(
            pk=institution.pk, organization=institution.organization_id
        ).update(organization=organization)
        if not changed:
            raise ValidationError(_("Someone else changed the link first. Reload and try again."))
        record_event(
            actor=actor,
            action="directory.organization_linked",
            target=institution,
            before={"organization": str(before) if before else ""},
            after={"organization": str(organization) if organization else ""},
        )
    institution.refresh_from_db()
    return institution


def approve_change(*, actor: Any, change: ListingChange) -> Institution:
    """Center staff approve a pending change: its values become the live listing, and a new
    listing goes live."""
    require_center_staff(actor)
    now = timezone.now()
    with transaction.atomic():
        taken = ListingChange.objects.filter(pk=change.pk, status=ChangeStatus.PENDING).update(
            status=ChangeStatus.APPROVED, reviewed_by=actor, reviewed_at=now
        )
        if not taken:
            raise ValidationError(_("This change has already been reviewed."))
        institution = Institution.objects.get(pk=change.institution_id)
        details = InstitutionDetails.from_data(change.data)
        _check_uscc_free(details.uscc, institution=institution)
        before, before_status = InstitutionDetails.of(institution), institution.status
        extra: dict[str, Any] = {}
        if institution.status == ListingStatus.NEW:
            extra = {"status": ListingStatus.LISTED, "listed_at": now}
        _write_institution(institution, details, **extra)
        record_event(
            actor=actor,
            action="directory.change_approved",
            target=institution,
            before={"status": before_status, **summary_of(before)},
            after={"change": str(change.code), **summary_of(details)},
        )
        reindex_on_commit("institution", institution.code)
        _notify_proposer(change, approved=True)
    change.refresh_from_db()
    return institution


def reject_change(*, actor: Any, change: ListingChange, reason: str) -> ListingChange:
    """Center staff reject a pending change with a reason the institution reads; the live
    listing stays as it was."""
    require_center_staff(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Tell the institution why the change is rejected.")})
    if len(reason) > 2000:
        raise ValidationError({"reason": _("Use at most 2000 characters.")})
    with transaction.atomic():
        taken = ListingChange.objects.filter(pk=change.pk, status=ChangeStatus.PENDING).update(
            status=ChangeStatus.REJECTED,
            reviewed_by=actor,
            reviewed_at=timezone.now(),
            reason=reason,
        )
        if not taken:
            raise ValidationError(_("This change has already been reviewed."))
        change.refresh_from_db()
        record_event(
            actor=actor,
            action="directory.change_rejected",
            target=change.institution,
            after={"change": str(change.code), "reason": reason},
        )
        _notify_proposer(change, approved=False)
    return change


def _notify_proposer(change: ListingChange, *, approved: bool) -> None:
    institution = change.institution
    if institution.organization_id is None:
        return
    recipients = User.objects.filter(
        memberships__organization_id=institution.organization_id,
        memberships__role=Role.INSTITUTION_STAFF,
        memberships__is_active=True,
    )
    reason = change.reason

    def render() -> tuple[str, str]:
        if approved:
            return _("Your directory listing change was approved"), _(
                "The change to %(name)s is now live in the service directory."
            ) % {"name": institution.name}
        return _("Your directory listing change was rejected"), _(
            "The Center rejected the change to %(name)s: %(reason)s"
        ) % {"name": institution.name, "reason": reason}

    notify(
        recipients=list(recipients),
        event_key=f"directory.change.{change.code}.{'approved' if approved else 'rejected'}",
        render=render,
        url=reverse("directory:institution_detail", args=[institution.code]),
    )


def withdraw_institution(*, actor: Any, institution: Institution, reason: str) -> Institution:
    """Center staff take a listing out of the public directory (it is kept, not deleted)."""
    require_center_staff(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for withdrawing the listing.")})
    return _set_status(
        actor, institution, "withdrawn", ListingStatus.LISTED, ListingStatus.WITHDRAWN, reason
    )


def reinstate_institution(*, actor: Any, institution: Institution) -> Institution:
    """Center staff put a withdrawn listing back in the public directory."""
    require_center_staff(actor)
    return _set_status(
        actor, institution, "reinstated", ListingStatus.WITHDRAWN, ListingStatus.LISTED
    )


def _set_status(
    actor, institution, verb: str, expected: str, status: str, reason: str = ""
) -> Institution:
    with transaction.atomic():
        changed = Institution.objects.filter(pk=institution.pk, status=expected).update(
            status=status, updated_at=timezone.now()
        )
        if not changed:
            raise ValidationError(_("The listing is not in a state that allows this."))
        record_event(
            actor=actor,
            action=f"directory.institution_{verb}",
            target=institution,
            before={"status": expected},
            after={"status": status, "reason": reason} if reason else {"status": status},
        )
        reindex_on_commit("institution", institution.code)
    institution.refresh_from_db()
    return institution
