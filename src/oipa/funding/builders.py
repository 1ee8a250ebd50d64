"""Builders of programmes, rates, funding applications and fund books for tests and demo data,
all through the services."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from oipa.assistance.builders import MINIMAL_PDF

from . import services
from .models import ExchangeRate, FundingApplication, MutualAidFund, Programme


def invoice_upload(name: str = "invoice.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, MINIMAL_PDF, content_type="application/pdf")


def build_programme(*, actor, **overrides) -> Programme:
    """An open programme covering every cost type at 50 %, 1,000,000 CNY budget."""
    today = timezone.localdate()
    fields: dict[str, Any] = {
        "name": "2026年度海外知识产权维权资助项目",
        "description": (
            "对本市企业海外知识产权维权发生的律师费、专家费、翻译费、官费和差旅费给予资助。"
        ),
        "budget": Decimal("1000000.00"),
        "cost_types": ["attorney", "expert", "translation", "official", "travel"],
        "share_percent": Decimal("50"),
        "cap_per_applicant": Decimal("200000.00"),
        "opens_on": today - timedelta(days=30),
        "closes_on": today + timedelta(days=180),
    }
    fields.update(overrides)
    return services.create_programme(actor=actor, **fields)


def build_rate(*, actor, currency: str = "USD", rate: str = "7.1234", on: date | None = None):
    """The rate of `currency` on `on` (default: 60 days ago), recorded once."""
    day = on or timezone.localdate() - timedelta(days=60)
    existing = ExchangeRate.objects.filter(currency=currency, rate_date=day).first()
    return existing or services.record_exchange_rate(
        actor=actor, currency=currency, rate_date=day, rate=rate, source="中国人民银行中间价"
    )


_counter = {"n": 0}


def next_invoice_number() -> str:
    _counter["n"] += 1
    return f"INV-{timezone.now():%y%m%d%H%M%S%f}-{_counter['n']}"


def item_fields(**overrides) -> dict:
    fields = {
        "cost_type": "attorney",
        "description": "美国律师应诉费用",
        "issuer": "Smith & Lee LLP",
        "invoice_number": next_invoice_number(),
        "invoice_date": timezone.localdate() - timedelta(days=20),
        "currency": "USD",
        "amount": "1000.00",
    }
    fields.update(overrides)
    return fields


def build_funding_application(
    *, actor, programme: Programme, case, items=(), submit: bool = False
) -> FundingApplication:
    """A draft (or submitted) funding application with the given item field overrides."""
    application = services.create_funding_application(actor=actor, programme=programme, case=case)
    for overrides in items:
        services.add_cost_item(
            actor=actor,
            application=application,
            upload=invoice_upload(),
            **item_fields(**overrides),
        )
    if submit:
        application = services.submit_funding_application(actor=actor, application=application)
    return application


def build_fund(*, actor, name: str = "北京企业海外知识产权维权互助基金") -> MutualAidFund:
    fund = MutualAidFund.objects.filter(name=name).first()
    return fund or services.create_fund(
        actor=actor, name=name, established_on=timezone.localdate().replace(month=1, day=1)
    )
