"""Steps shared by the funding and fund services: permission checks, audit, the invoice
registry and exchange-rate lookup."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.core.audit.services import record_event

from ..access import can_manage_funding, is_member_of
from ..models import ExchangeRate, InvoiceClaim
from ..money import BASE_CURRENCY

_SPACE = re.compile(r"[\s\-_/.,，。·]+")


def require_staff(actor) -> None:
    """Center staff or admins; auditors and everyone else are refused."""
    if not can_manage_funding(actor):
        raise PermissionDenied


def require_member(actor, organization_id: int) -> None:
    """A member of the enterprise `organization_id`."""
    if not is_member_of(actor, organization_id):
        raise PermissionDenied


def audit(actor, target, action: str, *, organization=None, before=None, after=None) -> None:
    record_event(
        actor=actor,
        action=action,
        target=target,
        organization=organization,
        before=before,
        after=after,
    )


def stale() -> ValidationError:
    return ValidationError(
        _("Someone else changed this a moment ago. Reload the page and check its current state."),
        code="stale",
    )


def invoice_key(text: str) -> str:
    """Issuer or number folded for comparison: width, case and separators do not matter, so
    "INV-2026/001" and "inv 2026 001" are the same invoice."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or "")).casefold()


def claim_invoice(
    *, issuer: str, number: str, kind: str, organization, reference: str
) -> InvoiceClaim:
    """Reserve the invoice (issuer + number) for one claim; ValidationError code
    "duplicate_invoice" when it was already claimed through any path. Runs in a savepoint so
    the caller's transaction survives the refusal."""
    issuer_key, number_key = invoice_key(issuer), invoice_key(number)
    if not issuer_key or not number_key:
        raise ValidationError(_("Give the invoice's issuer and number."), code="invoice_missing")
    existing = InvoiceClaim.objects.filter(issuer_key=issuer_key, number_key=number_key).first()
    if existing is None:
        try:
            with transaction.atomic():
                return InvoiceClaim.objects.create(
                    issuer_key=issuer_key,
                    number_key=number_key,
                    kind=kind,
                    organization=organization,
                    reference=reference,
                )
        except IntegrityError:
            existing = InvoiceClaim.objects.filter(
                issuer_key=issuer_key, number_key=number_key
            ).first()
    raise ValidationError(
        _(
            "Invoice %(number)s of %(issuer)s has already been claimed (%(where)s); an invoice "
            "can be reimbursed only once."
        )
        % {
            "number": number,
            "issuer": issuer,
            "where": existing.get_kind_display() if existing else "—",
        },
        code="duplicate_invoice",
    )


def release_invoice(*, issuer: str, number: str, reference: str) -> None:
    """Free an invoice reserved by the claim `reference` (withdrawn or rejected)."""
    InvoiceClaim.objects.filter(
        issuer_key=invoice_key(issuer), number_key=invoice_key(number), reference=reference
    ).delete()


def rate_on(currency: str, day: date) -> tuple[Decimal, date]:
    """(CNY per unit, rate date): the latest recorded rate on or before `day`. ValidationError
    when staff have recorded none yet."""
    if currency == BASE_CURRENCY:
        return Decimal("1"), day
    rate = (
        ExchangeRate.objects.filter(currency=currency, rate_date__lte=day)
        .order_by("-rate_date")
        .first()
    )
    if rate is None:
        raise ValidationError(
            {
                "currency": _(
                    "No exchange rate for %(currency)s on or before %(day)s has been recorded "
                    "yet; ask the Center to record one."
                )
                % {"currency": currency, "day": day}
            }
        )
    return rate.rate, rate.rate_date


def not_after_today(day: date, *, field: str = "invoice_date") -> date:
    """Invoices must already exist when they are claimed."""
    if day > timezone.localdate():
        raise ValidationError(
            {field: _("The invoice is dated after this claim; check the invoice date.")}
        )
    return day
