"""Money is Decimal, rounded once to the fen, half up; currencies are ISO 4217."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from oipa.funding.money import check_currency, convert, quantize, share_of, to_money


def test_half_a_fen_rounds_up_not_to_even():
    assert quantize(Decimal("0.125")) == Decimal("0.13")
    assert quantize(Decimal("0.135")) == Decimal("0.14")
    assert quantize(Decimal("2.675")) == Decimal("2.68")


def test_conversion_rounds_once_at_the_end():
    # 333.33 USD × 7.123456 = 2374.4615... → 2374.46
    assert convert(Decimal("333.33"), Decimal("7.123456")) == Decimal("2374.46")
    # 0.07 JPY-like small amounts still round half up: 0.05 × 0.1 = 0.005 → 0.01
    assert convert(Decimal("0.05"), Decimal("0.1")) == Decimal("0.01")


def test_a_share_of_an_odd_amount_rounds_half_up():
    assert share_of(Decimal("100.01"), Decimal("50")) == Decimal("50.01")
    assert share_of(Decimal("0.03"), Decimal("50")) == Decimal("0.02")


def test_floats_are_refused_outright():
    with pytest.raises(TypeError):
        to_money(0.1)


@pytest.mark.parametrize(
    "raw, message",
    [
        ("-5", "The amount must be greater than zero."),
        ("0", "The amount must be greater than zero."),
        ("1.234", "Amounts have at most two decimals."),
        ("abc", "Enter an amount such as 1250.00."),
        ("NaN", "Enter an amount such as 1250.00."),
    ],
)
def test_bad_amounts_get_a_clear_message(raw, message):
    with translation.override("en"), pytest.raises(ValidationError) as info:
        to_money(raw)
    assert info.value.message_dict["amount"] == [message]


def test_known_currencies_pass_and_unknown_ones_are_named():
    assert check_currency(" eur ") == "EUR"
    with translation.override("en"), pytest.raises(ValidationError) as info:
        check_currency("XYZ")
    assert "“XYZ” is not an ISO 4217 currency code." in info.value.message_dict["currency"]
    with pytest.raises(ValidationError):
        check_currency("XAU")  # gold is in ISO 4217 but nobody invoices in it
