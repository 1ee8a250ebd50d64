"""Money arithmetic for funding and the mutual-aid fund: Decimal only, rounded once, half up.

Amounts are kept to the fen (0.01 CNY) with ROUND_HALF_UP, the rounding Chinese finance offices
use; exchange rates keep six decimals. Floats never enter: `to_money` refuses them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CENT = Decimal("0.01")
RATE_PLACES = Decimal("0.000001")
ZERO = Decimal("0.00")
BASE_CURRENCY = "CNY"
# Historic and fund codes in ISO 4217 that nobody invoices in.
NOT_INVOICE_CURRENCIES = {"XAU", "XAG", "XPT", "XPD", "XTS", "XXX", "XDR", "XBA", "XBB", "XBC"}


def quantize(amount: Decimal) -> Decimal:
    """`amount` rounded to 0.01 half up."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def to_money(value, *, field: str = "amount", allow_zero: bool = False) -> Decimal:
    """A positive amount (zero when `allow_zero`) as a Decimal with at most two decimals.

    Refuses floats (they carry binary noise), non-numbers, negatives and sub-fen digits with a
    ValidationError on `field`.
    """
    if isinstance(value, float):
        raise TypeError("money must be Decimal or str, never float")
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("Enter an amount such as 1250.00.")}) from None
    if not amount.is_finite():
        raise ValidationError({field: _("Enter an amount such as 1250.00.")})
    if amount < 0 or (amount == 0 and not allow_zero):
        raise ValidationError({field: _("The amount must be greater than zero.")})
    if amount != amount.quantize(CENT):
        raise ValidationError({field: _("Amounts have at most two decimals.")})
    return quantize(amount)


def check_currency(code: str, *, field: str = "currency") -> str:
    """The upper-case ISO 4217 code, or a ValidationError naming the unknown code."""
    code = (code or "").strip().upper()
    if code in NOT_INVOICE_CURRENCIES or pycountry.currencies.get(alpha_3=code) is None:
        raise ValidationError(
            {field: _("“%(code)s” is not an ISO 4217 currency code.") % {"code": code or "—"}}
        )
    return code


def currency_choices() -> list[tuple[str, str]]:
    """(code, "CODE – name") for every ISO 4217 currency one can invoice in, CNY first."""
    rows = sorted(
        (c.alpha_3, f"{c.alpha_3} – {c.name}")
        for c in pycountry.currencies
        if c.alpha_3 not in NOT_INVOICE_CURRENCIES
    )
    return sorted(rows, key=lambda row: row[0] != BASE_CURRENCY)


def convert(amount: Decimal, rate: Decimal) -> Decimal:
    """`amount` in CNY at `rate` (CNY per unit), rounded once at the end."""
    return quantize(amount * rate)


def share_of(amount: Decimal, percent: Decimal) -> Decimal:
    """`percent` % of `amount`, rounded half up to the fen."""
    return quantize(amount * percent / Decimal(100))
