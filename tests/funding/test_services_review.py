"""Item-by-item review, completion, the second approval, the budget and payments."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from oipa.core.audit.models import AuditEvent
from oipa.core.notifications.models import Notification
from oipa.funding import services
from oipa.funding.builders import build_funding_application, build_programme
from oipa.funding.models import FundingStatus, InvoiceClaim, Programme

pytestmark = pytest.mark.django_db


def submitted_with(personas, programme, case, *amounts):
    return build_funding_application(
        actor=personas["chaoyang"],
        programme=programme,
        case=case,
        submit=True,
        items=[{"currency": "CNY", "amount": amount} for amount in amounts],
    )


def decide_all(staff, application, decision="approved", **kwargs):
    for item in application.items.all():
        services.review_cost_item(actor=staff, item=item, decision=decision, **kwargs)


def test_staff_approve_one_item_reduce_another_and_reject_a_third(personas, programme, concluded):
    staff = personas["staff"]
    application = submitted_with(personas, programme, concluded, "10000.00", "8000.01", "500.00")
    first, second, third = application.items.all()

    services.review_cost_item(actor=staff, item=first, decision="approved")
    services.review_cost_item(
        actor=staff,
        item=second,
        decision="reduced",
        accepted_cny="6000.01",
        reason="差旅标准超限",
    )
    services.review_cost_item(actor=staff, item=third, decision="rejected", reason="非维权费用")
    application = services.complete_review(actor=staff, application=application)

    assert [i.granted_cny for i in application.items.all()] == [
        Decimal("5000.00"),
        Decimal("3000.01"),
        Decimal("0.00"),
    ]  # 50 % of 6000.01 = 3000.005 → 3000.01 (half up)
    assert application.status == FundingStatus.APPROVED
    assert application.granted_total == Decimal("8000.01")
    assert Programme.objects.get().approved_total == Decimal("8000.01")
    assert Notification.objects.filter(recipient=personas["chaoyang"]).exists()


def test_reducing_needs_a_reason_and_a_smaller_amount(personas, programme, concluded):
    application = submitted_with(personas, programme, concluded, "100.00")
    item = application.items.get()
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.review_cost_item(
            actor=personas["staff"], item=item, decision="reduced", accepted_cny="50.00"
        )
    assert info.value.message_dict["reason"] == ["Give the reason for reducing or rejecting."]
    with pytest.raises(ValidationError):
        services.review_cost_item(
            actor=personas["staff"],
            item=item,
            decision="reduced",
            accepted_cny="100.00",
            reason="r",
        )
    with pytest.raises(ValidationError):
        services.review_cost_item(
            actor=personas["staff"], item=item, decision="reduced", accepted_cny="-1", reason="r"
        )


def test_the_review_cannot_complete_with_undecided_items(personas, programme, concluded):
    application = submitted_with(personas, programme, concluded, "100.00")
    with pytest.raises(ValidationError) as info:
        services.complete_review(actor=personas["staff"], application=application)
    assert info.value.code == "items_pending"


def test_auditors_and_enterprises_cannot_review(personas, programme, concluded):
    item = submitted_with(personas, programme, concluded, "100.00").items.get()
    for who in ("auditor", "chaoyang", "expert"):
        with pytest.raises(PermissionDenied):
            services.review_cost_item(actor=personas[who], item=item, decision="approved")


def test_nothing_granted_rejects_and_frees_the_invoices(personas, programme, concluded):
    application = submitted_with(personas, programme, concluded, "100.00")
    decide_all(personas["staff"], application, "rejected", reason="不符合条件")
    application = services.complete_review(actor=personas["staff"], application=application)
    assert application.status == FundingStatus.REJECTED
    assert not InvoiceClaim.objects.exists()


def test_a_large_grant_waits_for_a_second_reviewer(
    settings, personas, programme, concluded, other_staff
):
    settings.FUNDING_SECOND_APPROVAL_THRESHOLD = 1000
    staff = personas["staff"]
    application = submitted_with(personas, programme, concluded, "4000.00")
    decide_all(staff, application)
    application = services.complete_review(actor=staff, application=application)
    assert application.status == FundingStatus.SECOND_REVIEW
    assert Programme.objects.get().approved_total == Decimal("0.00")

    with translation.override("en"), pytest.raises(PermissionDenied):
        services.give_second_approval(actor=staff, application=application)
    application = services.give_second_approval(actor=other_staff, application=application)

    assert application.status == FundingStatus.APPROVED
    assert application.second_reviewer == other_staff
    assert Programme.objects.get().approved_total == Decimal("2000.00")


def test_an_approval_beyond_the_remaining_budget_is_refused(personas, concluded):
    tight = build_programme(actor=personas["staff"], budget=Decimal("1500.00"))
    application = submitted_with(personas, tight, concluded, "4000.00")
    decide_all(personas["staff"], application)
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.complete_review(actor=personas["staff"], application=application)
    assert info.value.code == "over_budget"
    assert "remaining budget (1500.00 CNY) cannot cover 2000.00 CNY" in info.value.messages[0]
    application.refresh_from_db()
    assert application.status == FundingStatus.SUBMITTED
    assert Programme.objects.get(pk=tight.pk).approved_total == Decimal("0.00")


def test_payments_never_exceed_the_grant_and_the_last_one_marks_it_paid(
    personas, programme, concluded
):
    staff = personas["staff"]
    application = submitted_with(personas, programme, concluded, "3000.00")
    decide_all(staff, application)
    application = services.complete_review(actor=staff, application=application)
    today = timezone.localdate()

    services.record_payment(
        actor=staff, application=application, amount="1000.00", paid_on=today, reference="B1"
    )
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.record_payment(
            actor=staff, application=application, amount="500.01", paid_on=today, reference="B2"
        )
    assert info.value.message_dict["amount"] == ["Only 500.00 CNY of the grant is still unpaid."]
    services.record_payment(
        actor=staff, application=application, amount="500.00", paid_on=today, reference="B3"
    )
    application.refresh_from_db()
    assert application.status == FundingStatus.PAID
    assert application.paid_total == Decimal("1500.00")
    assert AuditEvent.objects.filter(action="funding.payment_recorded").count() == 2


def test_a_rejected_application_cannot_be_approved_later(personas, programme, concluded):
    application = submitted_with(personas, programme, concluded, "100.00")
    services.reject_funding_application(
        actor=personas["staff"], application=application, reason="材料不全"
    )
    with pytest.raises(ValidationError) as info:
        services.complete_review(actor=personas["staff"], application=application)
    assert info.value.code == "invalid_transition"


def test_the_yearly_cap_counts_grants_already_approved(personas, concluded):
    capped = build_programme(actor=personas["staff"], cap_per_applicant=Decimal("3000.00"))
    first = submitted_with(personas, capped, concluded, "4000.00")
    second = submitted_with(personas, capped, concluded, "4000.00")
    decide_all(personas["staff"], first)
    decide_all(personas["staff"], second)
    services.complete_review(actor=personas["staff"], application=first)

    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.complete_review(actor=personas["staff"], application=second)

    assert info.value.code == "over_cap"
    assert "remains of the cap per applicant this year (1000.00 CNY)" in info.value.messages[0]
    assert Programme.objects.get(pk=capped.pk).approved_total == Decimal("2000.00")
