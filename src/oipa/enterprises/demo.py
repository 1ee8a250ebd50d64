"""Demo self-checks for `seed_demo`: two enterprises, one with last year's result for a trend."""

from __future__ import annotations

from django.utils import timezone

from .builders import build_past_self_check, build_self_check
from .models import SelfCheck


def build_demo(people: dict) -> int:
    if SelfCheck.objects.exists():
        return 0
    year = timezone.localdate().year
    build_past_self_check(
        actor=people["chaoyang"],
        year=year - 1,
        industry_code="I",
        markets_registered="no",
        fto_before_launch="no",
        ecommerce_listing_check="no",
        ecommerce_funds="partly",
        contracts_ip_clause="no",
    )
    build_self_check(
        actor=people["chaoyang"],
        industry_code="I",
        markets_local_names="partly",
        ecommerce_listing_check="partly",
        contracts_indemnity="no",
    )
    build_self_check(
        actor=people["haidian"],
        industry_code="C",
        fto_before_launch="partly",
        secrets_agreements="no",
        ecommerce_funds="na",
        ecommerce_listing_check="na",
    )
    return 3
