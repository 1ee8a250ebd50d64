"""Itemized costs: converted at the recorded rate, bad input refused, nothing stored lost."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from oipa.core.audit.models import AuditEvent
from oipa.funding import services
from oipa.funding.builders import build_rate, invoice_upload, item_fields
from oipa.funding.models import CostItem, InvoiceClaim

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(personas, programme, concluded):
    return services.create_funding_application(
        actor=personas["chaoyang"], programme=programme, case=concluded
    )


def add(personas, draft, **overrides):
    return services.add_cost_item(
        actor=personas["chaoyang"],
        application=draft,
        upload=invoice_upload(),
        **item_fields(**overrides),
    )


def test_an_item_is_converted_at_the_latest_rate_on_or_before_its_invoice_date(personas, draft):
    today = timezone.localdate()
    build_rate(actor=personas["staff"], rate="7.000000", on=today - timedelta(days=40))
    build_rate(actor=personas["staff"], rate="7.123456", on=today - timedelta(days=25))
    build_rate(actor=personas["staff"], rate="9.000000", on=today - timedelta(days=5))

    item = add(personas, draft, amount="333.33", invoice_date=today - timedelta(days=20))

    assert item.rate == Decimal("7.123456")
    assert item.rate_date == today - timedelta(days=25)
    assert item.amount_cny == Decimal("2374.46")
    assert item.requested_cny == Decimal("1187.23")  # 50 %
    assert AuditEvent.objects.filter(action="funding.item_added").count() == 1


def test_cny_invoices_need_no_rate(personas, draft):
    item = add(personas, draft, currency="CNY", amount="8888.88")
    assert item.rate == Decimal("1") and item.amount_cny == Decimal("8888.88")


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"amount": "-100"}, "amount", "The amount must be greater than zero."),
        ({"currency": "ABC"}, "currency", "“ABC” is not an ISO 4217 currency code."),
        (
            {"invoice_date": timezone.localdate() + timedelta(days=1)},
            "invoice_date",
            "The invoice is dated after this claim; check the invoice date.",
        ),
        ({"currency": "EUR"}, "currency", "No exchange rate for EUR on or before"),
        ({"cost_type": "bribes"}, "cost_type", "The programme does not cover this cost type."),
    ],
)
def test_bad_items_are_refused_with_a_clear_message_and_nothing_is_stored(
    personas, draft, usd, overrides, field, message
):
    kept = add(personas, draft)

    with translation.override("en"), pytest.raises(ValidationError) as info:
        add(personas, draft, **overrides)

    assert any(message in text for text in info.value.message_dict[field])
    assert list(CostItem.objects.all()) == [kept]
    assert InvoiceClaim.objects.count() == 1


def test_a_programme_that_does_not_cover_travel_refuses_travel_costs(personas, concluded, usd):
    from oipa.funding.builders import build_programme

    narrow = build_programme(actor=personas["staff"], name="律师费专项", cost_types=["attorney"])
    draft = services.create_funding_application(
        actor=personas["chaoyang"], programme=narrow, case=concluded
    )
    with pytest.raises(ValidationError):
        add(personas, draft, cost_type="travel")


def test_a_disguised_invoice_file_is_refused(personas, draft, usd):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile(
        "invoice.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    with pytest.raises(ValidationError):
        services.add_cost_item(
            actor=personas["chaoyang"], application=draft, upload=fake, **item_fields()
        )
    assert not CostItem.objects.exists() and not InvoiceClaim.objects.exists()


def test_only_the_applicant_adds_items_and_only_to_a_draft(personas, draft, usd):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.add_cost_item(
            actor=personas["haidian"], application=draft, upload=invoice_upload(), **item_fields()
        )
    add(personas, draft)
    services.submit_funding_application(actor=personas["chaoyang"], application=draft)
    with pytest.raises(ValidationError) as info:
        add(personas, draft)
    assert info.value.code == "not_draft"


def test_removing_a_draft_item_frees_its_invoice(personas, draft, usd):
    item = add(personas, draft, invoice_number="A-1")
    services.remove_cost_item(actor=personas["chaoyang"], item=item)
    assert not InvoiceClaim.objects.exists()
    add(personas, draft, invoice_number="A-1")
