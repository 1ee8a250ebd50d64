"""Demo funding data for `seed_demo`: a programme, exchange rates, funding applications in
review and paid, and a mutual-aid fund with contributions, claims and a payout."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from oipa.assistance.models import Application

from . import services
from .builders import build_fund, build_funding_application, build_programme, build_rate
from .models import Programme
from .services.applications import FUNDABLE_CASE_STATES


def _case(user):
    return (
        Application.objects.filter(
            applicant=user.membership.organization, status__in=FUNDABLE_CASE_STATES
        )
        .order_by("created_at")
        .first()
    )


def build_demo(people: dict) -> int:
    """Create the demo once (nothing when a programme exists); returns objects created."""
    if Programme.objects.exists():
        return 0
    staff, admin = people["staff"], people["admin"]
    today = timezone.localdate()
    programme = build_programme(actor=staff)
    build_rate(actor=staff, currency="USD", rate="7.1234", on=today - timedelta(days=45))
    build_rate(actor=staff, currency="EUR", rate="7.7651", on=today - timedelta(days=45))
    created = 3
    chaoyang_case, haidian_case = _case(people["chaoyang"]), _case(people["haidian"])
    if chaoyang_case is not None:
        build_funding_application(
            actor=people["chaoyang"],
            programme=programme,
            case=chaoyang_case,
            submit=True,
            items=[
                {"description": "美国律师TRO应诉及和解谈判费用", "amount": "12500.00"},
                {
                    "cost_type": "translation",
                    "description": "起诉状及证据翻译",
                    "issuer": "北京译信翻译有限公司",
                    "currency": "CNY",
                    "amount": "6800.00",
                },
            ],
        )
        created += 1
    if haidian_case is not None:
        paid = build_funding_application(
            actor=people["haidian"],
            programme=programme,
            case=haidian_case,
            submit=True,
            items=[
                {
                    "description": "EUIPO异议代理费",
                    "issuer": "Müller & Partner",
                    "currency": "EUR",
                    "amount": "4200.00",
                },
                {
                    "cost_type": "travel",
                    "description": "赴慕尼黑差旅",
                    "issuer": "中国国际航空",
                    "currency": "CNY",
                    "amount": "9800.00",
                },
            ],
        )
        first, second = paid.items.all()
        services.review_cost_item(actor=staff, item=first, decision="approved")
        services.review_cost_item(
            actor=staff,
            item=second,
            decision="reduced",
            accepted_cny="6000.00",
            reason="按差旅标准核减（经济舱）",
        )
        paid = services.complete_review(actor=staff, application=paid)
        services.record_payment(
            actor=admin,
            application=paid,
            amount=paid.granted_total,
            paid_on=today,
            reference="京财付2026-0316",
        )
        created += 1
    created += _build_fund(people, staff, today, chaoyang_case, haidian_case)
    return created


def _build_fund(people, staff, today, chaoyang_case, haidian_case) -> int:
    fund = build_fund(actor=staff)
    members = {}
    for key in ("chaoyang", "haidian"):
        members[key] = services.admit_member(
            actor=staff,
            fund=fund,
            organization=people[key].membership.organization,
            joined_on=today.replace(month=1, day=1),
        )
        services.record_contribution(
            actor=staff,
            member=members[key],
            amount=Decimal("50000.00"),
            received_on=today.replace(month=1, day=15),
            reference="年度会费",
        )
    if haidian_case is not None:
        claim = services.submit_fund_claim(
            actor=people["haidian"],
            member=members["haidian"],
            case=haidian_case,
            amount="18000.00",
            issuer="Müller & Partner",
            invoice_number="MP-2026-0412",
            invoice_date=today - timedelta(days=20),
            description="EUIPO异议听证代理费",
        )
        services.decide_fund_claim(
            actor=staff,
            claim=claim,
            approve=True,
            approved_amount="15000.00",
            note="按基金章程上限核定",
        )
        services.pay_fund_claim(actor=staff, claim=claim, paid_on=today, reference="互助-0001")
    if chaoyang_case is not None:
        services.submit_fund_claim(
            actor=people["chaoyang"],
            member=members["chaoyang"],
            case=chaoyang_case,
            amount="9000.00",
            issuer="Greer, Burns & Crain",
            invoice_number="GBC-88341",
            invoice_date=today - timedelta(days=10),
            description="Schedule A 案和解律师费",
        )
    return 1 + len(members)
