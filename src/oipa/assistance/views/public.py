"""The public service-level statistics (no login): what the Center publishes about itself."""

from __future__ import annotations

from dataclasses import asdict
from typing import cast

from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ..models import Application
from ..statistics import ServiceLevel, monthly_service_levels
from ..workflow import Status

CACHE_SECONDS = 600
MINIMUM_CASES = 3


def service_levels() -> list[ServiceLevel]:
    """The last 12 months' levels over every submitted application, cached for 10 minutes."""
    key = f"assistance:service-levels:{timezone.localdate():%Y-%m-%d}"

    def compute() -> list[ServiceLevel]:
        submitted = Application.objects.exclude(status=Status.DRAFT)
        return monthly_service_levels(submitted, minimum=MINIMUM_CASES)

    return cast("list[ServiceLevel]", cache.get_or_set(key, compute, CACHE_SECONDS))


@require_safe
def public_statistics(request):
    """Service levels per stage and month; months with too few cases show "—"."""
    context = {"levels": service_levels(), "minimum": MINIMUM_CASES}
    return render(request, "assistance/public_statistics.html", context)


@require_safe
def public_statistics_json(request):
    """The same figures as JSON: shares in [0, 1], medians in working days, null = suppressed."""
    months = [{**asdict(level), "suppressed": level.suppressed} for level in service_levels()]
    return JsonResponse({"minimum_cases": MINIMUM_CASES, "months": months})
