"""Estimated response deadlines of monitored disputes, and how urgent they are.

The feeds tell us when a case was filed, almost never when the enterprise was served, so the
estimate assumes a service date and applies the usual rule to it. It is an estimate shown with
its basis, never a legal computation:

- Schedule A cases (US district courts): the plaintiff asks for an ex parte TRO with the
  complaint and the court usually grants it within days, freezing the store's funds; a TRO lasts
  14 days (FRCP 65(b)(2)) and the preliminary-injunction hearing falls before it ends. Service is
  assumed on the filing day (courts routinely allow service by email), the deadline is the 14th
  day, and the alert is always urgent ("act now").
- US ITC Section 337: the response to the complaint and notice of investigation is due 20 days
  after service (19 C.F.R. § 210.13(a)). Service follows institution, which the Commission
  decides within 30 days of the complaint (§ 210.10(a)); so service is assumed on the
  institution date when the source gives one, else 30 days after the complaint.
- Other US civil cases: the answer is due 21 days after service (FRCP 12(a)(1)(A)(i)). Service is
  assumed `US_SERVICE_DAYS` after filing; courts often allow email service on Chinese
  defendants, so a short assumption errs on the early, safe side.

US rules count calendar days; when the last day falls on a Saturday or Sunday it moves to the
next Monday (FRCP 6(a)(1)(C)). US federal holidays are not applied, which can only make the
estimate a day early. Urgency, by contrast, is counted in Chinese working days, since the
enterprise acts from China: a deadline within `URGENT_WORKING_DAYS` working days (or passed) is
urgent and goes out immediately whatever the recipient's digest cadence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from oipa.core.calendar.working_days import count_working_days

from .models import Dispute, SourceKind
from .models_alerts import DeadlineRule

US_ANSWER_DAYS = 21
US_SERVICE_DAYS = 7
ITC_RESPONSE_DAYS = 20
ITC_INSTITUTION_DAYS = 30
SCHEDULE_A_DAYS = 14
URGENT_WORKING_DAYS = 10


@dataclass(frozen=True)
class DeadlineEstimate:
    """An estimated deadline (None when the filing date is unknown), the rule it follows and the
    service date it assumes."""

    deadline: date | None
    rule: str
    service_assumed_on: date | None

    @property
    def basis(self) -> str:
        return str(DeadlineRule(self.rule).label)


@dataclass(frozen=True)
class Urgency:
    """`urgent` when the deadline is within URGENT_WORKING_DAYS Chinese working days or passed;
    `days_left` in working days (None without a deadline, 0 once passed)."""

    urgent: bool
    days_left: int | None
    provisional: bool = False


def _roll_past_weekend(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _itc_service(dispute: Dispute) -> date | None:
    instituted = (dispute.raw or {}).get("instituted_on")
    if instituted:
        try:
            return date.fromisoformat(str(instituted))
        except ValueError:
            pass
    if dispute.filed_on is None:
        return None
    return dispute.filed_on + timedelta(days=ITC_INSTITUTION_DAYS)


def estimate_deadline(dispute: Dispute) -> DeadlineEstimate:
    """The response deadline a defendant of `dispute` should plan for (see the module text)."""
    if dispute.source.kind == SourceKind.ITC337 or dispute.court_id == "usitc":
        service = _itc_service(dispute)
        rule, days = DeadlineRule.ITC_RESPONSE, ITC_RESPONSE_DAYS
    elif dispute.is_schedule_a:
        service = dispute.filed_on
        rule, days = DeadlineRule.SCHEDULE_A, SCHEDULE_A_DAYS
    else:
        service = dispute.filed_on and dispute.filed_on + timedelta(days=US_SERVICE_DAYS)
        rule, days = DeadlineRule.US_ANSWER, US_ANSWER_DAYS
    if service is None:
        return DeadlineEstimate(None, DeadlineRule.UNKNOWN, None)
    return DeadlineEstimate(_roll_past_weekend(service + timedelta(days=days)), rule, service)


def urgency(deadline: date | None, *, rule: str = "", on: date | None = None) -> Urgency:
    """How urgent a deadline is on `on` (today in Beijing by default). Schedule A alerts are
    always urgent; an unknown deadline is not."""
    on = on or timezone.localdate()
    if deadline is None:
        return Urgency(rule == DeadlineRule.SCHEDULE_A, None)
    if deadline <= on:
        return Urgency(True, 0)
    left = count_working_days(on, deadline)
    urgent = left.days <= URGENT_WORKING_DAYS or rule == DeadlineRule.SCHEDULE_A
    return Urgency(urgent, left.days, left.provisional)
