"""Machine-readable facts from the published country profiles, for monitoring and watch.

Only published profiles count: a draft correction does not change deadlines anybody sees until an
editor publishes it.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.urls import reverse

from .models import CountryProfile, DeadlineFact, DeadlineUnit, EditorialStatus


@dataclass(frozen=True)
class DeadlineRule:
    jurisdiction: str
    event: str
    amount: int
    unit: str
    starts_from: str
    extension: str
    source_url: str


def deadline_rule(jurisdiction: str, event: str) -> DeadlineRule | None:
    """The rule for `event` in `jurisdiction` from its published profile; None when there is none.

    `extension` is in the active language (English when the profile has no Chinese text).
    """
    fact = (
        DeadlineFact.objects.filter(
            profile__jurisdiction__code=(jurisdiction or "").upper(),
            profile__status=EditorialStatus.PUBLISHED,
            event=event,
        )
        .select_related("profile__jurisdiction")
        .first()
    )
    if fact is None:
        return None
    return rule_from_fact(fact)


def rule_from_fact(fact: DeadlineFact) -> DeadlineRule:
    """The frozen contract value of one stored fact."""
    from django.utils.translation import get_language

    zh = (get_language() or "").lower().startswith("zh")
    extension = (fact.extension_zh or fact.extension_en) if zh else fact.extension_en
    return DeadlineRule(
        jurisdiction=fact.profile.jurisdiction.code,
        event=fact.event,
        amount=fact.amount,
        unit=fact.unit,
        starts_from=fact.starts_from,
        extension=extension or fact.extension_zh,
        source_url=fact.source_url,
    )


def compute_deadline(rule: DeadlineRule, start: datetime.date) -> datetime.date:
    """`start` plus the rule's period; a Saturday or Sunday result moves to the next Monday.

    Months are calendar months with end-of-month clamping (31 January + 1 month = 28/29 February).
    Foreign offices do not follow the Chinese holiday calendar, so only weekends are skipped.
    """
    if rule.unit == DeadlineUnit.MONTHS:
        due = add_months(start, rule.amount)
    else:
        due = start + datetime.timedelta(days=rule.amount)
    if due.weekday() >= 5:
        due += datetime.timedelta(days=7 - due.weekday())
    return due


def add_months(start: datetime.date, months: int) -> datetime.date:
    """`start` moved by `months` calendar months, clamped to the last day of the target month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


def country_guide_url(jurisdiction: str) -> str:
    """Path of the published profile page of `jurisdiction`, "" when there is none."""
    code = (
        CountryProfile.objects.published()
        .filter(jurisdiction__code=(jurisdiction or "").upper())
        .values_list("code", flat=True)
        .first()
    )
    if code is None:
        return ""
    return reverse("knowledge:profile_detail", kwargs={"code": code})
