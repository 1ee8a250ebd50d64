"""The Center's review of a funding application: item by item (approve, reduce with a reason,
reject), completion (a second reviewer above the threshold), the budget reservation that can
never pass the programme's budget, and payments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from oipa.accounts.models import Membership
from oipa.core.notifications.services import notify

from ..models import CostItem, FundingApplication, FundingStatus, ItemDecision, Programme
from ..money import share_of, to_money
from ._common import audit, not_after_today, require_staff, stale
from .applications import check_cap, release_all


def _locked(application: FundingApplication) -> FundingApplication:
    return (
        FundingApplication.objects.select_for_update()
        .select_related("programme", "applicant")
        .get(pk=application.pk)
    )


def _require_status(application: FundingApplication, *allowed: str) -> None:
    if application.status not in allowed:
        raise ValidationError(
            _("This is not possible while the application is “%(status)s”.")
            % {"status": FundingStatus(application.status).label},
            code="invalid_transition",
        )


def review_cost_item(
    *, actor, item: CostItem, decision: str, accepted_cny=None, reason: str = ""
) -> CostItem:
    """Decide one item of a submitted application: approve (the whole invoiced cost), reduce
    (to `accepted_cny`, with a reason) or reject (with a reason). The grant is the programme's
    share of the accepted cost, rounded half up to the fen. May be changed until the review
    is completed."""
    require_staff(actor)
    reason = (reason or "").strip()
    if decision == ItemDecision.APPROVED:
        accepted = item.amount_cny
    elif decision == ItemDecision.REDUCED:
        accepted = to_money(accepted_cny, field="accepted_cny")
        if accepted >= item.amount_cny:
            raise ValidationError(
                {
                    "accepted_cny": _("A reduced amount is less than the invoiced %(amount)s CNY.")
                    % {"amount": item.amount_cny}
                }
            )
    elif decision == ItemDecision.REJECTED:
        accepted = Decimal("0.00")
    else:
        raise ValidationError({"decision": _("Choose approve, reduce or reject.")})
    if decision != ItemDecision.APPROVED and not reason:
        raise ValidationError({"reason": _("Give the reason for reducing or rejecting.")})
    with transaction.atomic():
        application = _locked(item.application)
        _require_status(application, FundingStatus.SUBMITTED)
        before = {"decision": item.decision, "accepted_cny": item.accepted_cny}
        granted = share_of(accepted, application.programme.share_percent)
        CostItem.objects.filter(pk=item.pk).update(
            decision=decision, accepted_cny=accepted, granted_cny=granted, decision_reason=reason
        )
        item.refresh_from_db()
        audit(
            actor,
            application,
            "funding.item_reviewed",
            organization=application.applicant,
            before=before,
            after={
                "invoice": item.invoice_number,
                "decision": decision,
                "accepted_cny": accepted,
                "granted_cny": granted,
                "reason": reason,
            },
        )
    return item


def complete_review(
    *, actor, application: FundingApplication, note: str = ""
) -> FundingApplication:
    """Close the item review. Nothing granted → rejected; above the second-approval threshold →
    waits for a second reviewer; otherwise approved at once (within budget and cap)."""
    require_staff(actor)
    with transaction.atomic():
        application = _locked(application)
        _require_status(application, FundingStatus.SUBMITTED)
        items = list(application.items.all())
        if any(item.decision == ItemDecision.PENDING for item in items):
            raise ValidationError(_("Decide every item first."), code="items_pending")
        granted = sum((item.granted_cny for item in items), Decimal("0.00"))
        if granted == 0:
            return _reject(actor, application, note or _("No item was approved."))
        _lock_programme(application)
        check_cap(application, granted)
        FundingApplication.objects.filter(pk=application.pk).update(
            granted_total=granted, reviewed_by=actor, decision_note=note
        )
        application.refresh_from_db()
        if granted > Decimal(settings.FUNDING_SECOND_APPROVAL_THRESHOLD):
            _move(application, FundingStatus.SUBMITTED, FundingStatus.SECOND_REVIEW)
            audit(
                actor,
                application,
                "funding.review_completed",
                organization=application.applicant,
                after={"granted": granted, "second_approval": True},
            )
            return application
        audit(
            actor,
            application,
            "funding.review_completed",
            organization=application.applicant,
            after={"granted": granted, "second_approval": False},
        )
        return _approve(actor, application, FundingStatus.SUBMITTED)


def give_second_approval(*, actor, application: FundingApplication) -> FundingApplication:
    """A second Center reviewer, not the one who completed the review, approves a large grant."""
    require_staff(actor)
    with transaction.atomic():
        application = _locked(application)
        _require_status(application, FundingStatus.SECOND_REVIEW)
        if application.reviewed_by_id == actor.pk:
            raise PermissionDenied(_("The second approval must come from another reviewer."))
        FundingApplication.objects.filter(pk=application.pk).update(second_reviewer=actor)
        return _approve(actor, application, FundingStatus.SECOND_REVIEW)


def reject_funding_application(
    *, actor, application: FundingApplication, reason: str
) -> FundingApplication:
    """Reject the whole application (submitted or awaiting second approval); invoices are
    freed."""
    require_staff(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for rejecting.")})
    with transaction.atomic():
        application = _locked(application)
        _require_status(application, FundingStatus.SUBMITTED, FundingStatus.SECOND_REVIEW)
        return _reject(actor, application, reason)


def _reject(actor, application: FundingApplication, reason: str) -> FundingApplication:
    current = application.status
    _move(
        application,
        current,
        FundingStatus.REJECTED,
        decision_note=reason,
        decided_at=timezone.now(),
        granted_total=Decimal("0.00"),
    )
    release_all(application)
    audit(
        actor,
        application,
        "funding.application_rejected",
        organization=application.applicant,
        before={"status": current},
        after={"reason": reason},
    )
    _tell_applicant(application, "rejected", _lazy("Your funding application was not approved"))
    return application


def _move(application: FundingApplication, current: str, target: str, **fields) -> None:
    if not FundingApplication.objects.filter(pk=application.pk, status=current).update(
        status=target, **fields
    ):
        raise stale()
    application.refresh_from_db()


def reserve_budget(programme: Programme, amount: Decimal) -> None:
    """Add `amount` to the programme's approved total, never past its budget. The row lock
    serializes approvers on PostgreSQL; the conditional update is the guard everywhere (and
    the check constraint the last line)."""
    locked = Programme.objects.select_for_update().get(pk=programme.pk)
    updated = Programme.objects.filter(
        pk=locked.pk, approved_total__lte=F("budget") - amount
    ).update(approved_total=F("approved_total") + amount)
    if not updated:
        locked.refresh_from_db()
        raise ValidationError(
            _("The programme's remaining budget (%(remaining)s CNY) cannot cover %(amount)s CNY.")
            % {"remaining": locked.budget - locked.approved_total, "amount": amount},
            code="over_budget",
        )


def _lock_programme(application: FundingApplication) -> None:
    """Approvals of one programme queue here, so the cap and budget checks that follow see
    every earlier approval (PostgreSQL row lock)."""
    Programme.objects.select_for_update().get(pk=application.programme_id)


def _approve(actor, application: FundingApplication, current: str) -> FundingApplication:
    _lock_programme(application)
    check_cap(application, application.granted_total)
    reserve_budget(application.programme, application.granted_total)
    _move(application, current, FundingStatus.APPROVED, decided_at=timezone.now())
    audit(
        actor,
        application,
        "funding.application_approved",
        organization=application.applicant,
        after={"granted": application.granted_total},
    )
    _tell_applicant(application, "approved", _lazy("Your funding application was approved"))
    return application


def record_payment(
    *, actor, application: FundingApplication, amount, paid_on: date, reference: str
):
    """Record money paid on an approved application, never more than granted; fully paid →
    "paid"."""
    from ..models import Payment

    require_staff(actor)
    amount = to_money(amount)
    not_after_today(paid_on, field="paid_on")
    if not (reference or "").strip():
        raise ValidationError({"reference": _("Give the bank reference.")})
    with transaction.atomic():
        application = _locked(application)
        _require_status(application, FundingStatus.APPROVED)
        if not FundingApplication.objects.filter(
            pk=application.pk, paid_total__lte=F("granted_total") - amount
        ).update(paid_total=F("paid_total") + amount):
            raise ValidationError(
                {
                    "amount": _("Only %(left)s CNY of the grant is still unpaid.")
                    % {"left": application.granted_total - application.paid_total}
                }
            )
        payment = Payment.objects.create(
            application=application,
            amount=amount,
            paid_on=paid_on,
            reference=reference.strip(),
            recorded_by=actor,
        )
        application.refresh_from_db()
        if application.paid_total == application.granted_total:
            _move(application, FundingStatus.APPROVED, FundingStatus.PAID)
        audit(
            actor,
            application,
            "funding.payment_recorded",
            organization=application.applicant,
            after={"amount": amount, "reference": payment.reference},
        )
        _tell_applicant(application, f"paid-{payment.pk}", _lazy("A funding payment was made"))
    return payment


def _tell_applicant(application: FundingApplication, event: str, subject) -> None:
    members = [
        m.user
        for m in Membership.objects.filter(
            organization_id=application.applicant_id, is_active=True
        ).select_related("user")
    ]
    notify(
        recipients=members,
        event_key=f"funding:{application.code}:{event}",
        render=lambda: (subject, ""),
        url=reverse("funding:application_detail", args=[application.code]),
    )
