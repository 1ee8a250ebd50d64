"""Funding pages over HTTP: apply, itemize (with clear errors), submit, review, pay."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from oipa.funding.builders import build_funding_application, invoice_upload
from oipa.funding.models import CostItem, FundingApplication, FundingStatus

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def item_post(**overrides):
    data = {
        "cost_type": "attorney",
        "description": "Attorney fees",
        "issuer": "Smith & Lee LLP",
        "invoice_number": "INV-9",
        "invoice_date": (timezone.localdate() - timedelta(days=5)).isoformat(),
        "currency": "USD",
        "amount": "1000.00",
        "invoice_file": invoice_upload(),
    }
    data.update(overrides)
    return data


def test_an_enterprise_applies_itemizes_and_submits(client, personas, programme, concluded, usd):
    client.force_login(personas["chaoyang"])
    response = client.post(
        reverse("funding:apply", args=[programme.code]), {"case": str(concluded.code)}
    )
    application = FundingApplication.objects.get()
    assert response.url == reverse("funding:application_detail", args=[application.code])

    response = client.post(reverse("funding:add_item", args=[application.code]), item_post())
    assert response.status_code == 302
    assert CostItem.objects.get().amount_cny == Decimal("7123.40")

    client.post(reverse("funding:application_transition", args=[application.code, "submit"]))
    application.refresh_from_db()
    assert application.status == FundingStatus.SUBMITTED


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"amount": "-5"}, "The amount must be greater than zero."),
        ({"currency": "QQQ"}, "“QQQ” is not an ISO 4217 currency code."),
        (
            {"invoice_date": (timezone.localdate() + timedelta(days=3)).isoformat()},
            "The invoice is dated after this claim",
        ),
    ],
)
def test_bad_items_show_the_reason_on_the_form(
    client, personas, programme, concluded, usd, overrides, message
):
    application = build_funding_application(
        actor=personas["chaoyang"], programme=programme, case=concluded
    )
    client.force_login(personas["chaoyang"])
    response = client.post(
        reverse("funding:add_item", args=[application.code]), item_post(**overrides), **EN
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CostItem.objects.exists()


def test_a_duplicate_invoice_is_refused_on_the_form(client, personas, programme, concluded, usd):
    application = build_funding_application(
        actor=personas["chaoyang"],
        programme=programme,
        case=concluded,
        items=[{"invoice_number": "INV-9"}],
    )
    client.force_login(personas["chaoyang"])
    response = client.post(reverse("funding:add_item", args=[application.code]), item_post(), **EN)
    assert response.status_code == 400
    assert "has already been claimed" in response.content.decode()
    assert CostItem.objects.count() == 1


def test_staff_review_items_and_approve_over_http(client, personas, programme, concluded, usd):
    application = build_funding_application(
        actor=personas["chaoyang"],
        programme=programme,
        case=concluded,
        submit=True,
        items=[{"currency": "CNY", "amount": "1000.00"}, {"currency": "CNY", "amount": "600.00"}],
    )
    first, second = application.items.all()
    client.force_login(personas["staff"])
    client.post(reverse("funding:review_item", args=[first.code]), {"decision": "approved"})
    client.post(
        reverse("funding:review_item", args=[second.code]),
        {"decision": "reduced", "accepted_cny": "400.00", "reason": "超标准"},
    )
    client.post(reverse("funding:application_transition", args=[application.code, "complete"]))
    application.refresh_from_db()
    assert application.status == FundingStatus.APPROVED
    assert str(application.granted_total) == "700.00"

    response = client.post(
        reverse("funding:record_payment", args=[application.code]),
        {"amount": "800.00", "paid_on": timezone.localdate().isoformat(), "reference": "B1"},
        **EN,
    )
    assert response.status_code == 400
    assert "Only 700.00 CNY of the grant is still unpaid." in response.content.decode()


def test_an_enterprise_cannot_use_the_staff_actions(client, personas, programme, concluded, usd):
    application = build_funding_application(
        actor=personas["chaoyang"],
        programme=programme,
        case=concluded,
        submit=True,
        items=[{}],
    )
    client.force_login(personas["chaoyang"])
    response = client.post(
        reverse("funding:review_item", args=[application.items.get().code]),
        {"decision": "approved"},
    )
    assert response.status_code == 404
    assert application.items.get().decision == ""


def test_the_list_page_has_a_fixed_number_of_queries(
    client, personas, programme, concluded, usd, django_assert_max_num_queries
):
    for _ in range(5):
        build_funding_application(
            actor=personas["chaoyang"],
            programme=programme,
            case=concluded,
            items=[{}],
            submit=False,
        )
    client.force_login(personas["chaoyang"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("funding:application_list"))
    assert response.status_code == 200
    assert response.content.decode().count("/funding/applications/") >= 5


def test_the_programme_page_shows_the_rules_and_the_apply_form(
    client, personas, programme, concluded
):
    client.force_login(personas["chaoyang"])
    response = client.get(reverse("funding:programme_detail", args=[programme.code]), **EN)
    body = response.content.decode()
    assert "Attorney fees, Expert fees, Translation, Official fees, Travel" in body
    assert "Start an application" in body


def test_a_tianjin_enterprise_is_told_it_is_not_eligible(client, personas, programme):
    client.force_login(personas["tianjin"])
    response = client.get(reverse("funding:programme_detail", args=[programme.code]), **EN)
    assert "Only organizations domiciled in Beijing may apply." in response.content.decode()


def test_staff_record_an_exchange_rate_and_unknown_currencies_are_refused(client, personas):
    client.force_login(personas["staff"])
    day = timezone.localdate().isoformat()
    response = client.post(
        reverse("funding:rates"), {"currency": "ZZZ", "rate_date": day, "rate": "1.5"}, **EN
    )
    assert "“ZZZ” is not an ISO 4217 currency code." in response.content.decode()
    client.post(reverse("funding:rates"), {"currency": "EUR", "rate_date": day, "rate": "7.7"})
    assert "7.7" in client.get(reverse("funding:rates")).content.decode()
