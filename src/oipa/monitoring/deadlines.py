"""Estimated response deadlines of monitored disputes, and how urgent they are.

The feeds tell us when a case was filed, almost never when the enterprise was served, so the
estimate assumes a service date and applies the period that the published country profile
states (`oipa.knowledge.facts`, events "answer", "itc_response" and "tro_hearing"). It is an
estimate shown with its basis, never a legal computation; when the profile states no period
for the case, the estimate says so ("no published rule") rather than guess.

- Schedule A cases (US district courts): the plaintiff asks for an ex parte TRO with the
  complaint and the court usually grants it within days, freezing the store's funds; the hearing
  falls within the TRO's life ("tro_hearing"). Service is assumed on the filing day (courts
  routinely allow service by email) and the alert is always urgent ("act now").
- US ITC Section 337 ("itc_response", from service): service follows institution, which the
  Commission decides within `ITC_INSTITUTION_DAYS` of the complaint; so service is assumed on
  the institution notice's date when the source gives one, else that many days after the
  complaint.
- Court cases ("answer", from service) in the dispute's jurisdiction: service is assumed
  `SERVICE_DAYS` after filing; courts often allow email service on Chinese defendants, so a short
  assumption errs on the early, safe side. Customs seizures, platform complaints and letters
  have no answer period: no estimate.

`compute_deadline` moves a last day on a Saturday or Sunday to the next Monday; foreign holidays
are not applied, which can only make the estimate a day early. Urgency, by contrast, is counted
in Chinese working days, since the enterprise acts from China: a deadline within
`URGENT_WORKING_DAYS` working days (or passed) is urgent and goes out immediately whatever the
recipient's digest cadence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.core.calendar.working_days import count_working_days
from oipa.core.taxonomy.choices import DisputeType

from .models import Dispute, SourceKind
from .models_alerts import DeadlineRule

SERVICE_DAYS = 7
ITC_INSTITUTION_DAYS = 30
URGENT_WORKING_DAYS = 10
# Our deadline kinds and the country-profile event that states their period.
EVENTS: dict[str, str] = {
    DeadlineRule.US_ANSWER: "answer",
    DeadlineRule.ITC_RESPONSE: "itc_response",
    DeadlineRule.SCHEDULE_A: "tro_hearing",
}
ANSWERED_TYPES = ("", DisputeType.LITIGATION)


@dataclass(frozen=True)
class DeadlineEstimate:
    """An estimated deadline (None when unknown), the rule it follows, the service date it
    assumes and the jurisdiction whose profile gave the period."""

    deadline: date | None
    rule: str
    service_assumed_on: date | None
    jurisdiction: str = "US"

    @property
    def basis(self) -> str:
        return describe(self.rule, self.jurisdiction)


@dataclass(frozen=True)
class Urgency:
    """`urgent` when the deadline is within URGENT_WORKING_DAYS Chinese working days or passed;
    `days_left` in working days (None without a deadline, 0 once passed)."""

    urgent: bool
    days_left: int | None
    provisional: bool = False


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


def is_itc(dispute: Dispute) -> bool:
    return (
        dispute.source.kind == SourceKind.ITC337
        or dispute.court_id == "usitc"
        or dispute.dispute_type == DisputeType.ITC_337
    )


def _kind(dispute: Dispute) -> tuple[str, str, date | None]:
    """(deadline rule, jurisdiction, assumed service date) of a dispute."""
    if is_itc(dispute):
        return DeadlineRule.ITC_RESPONSE, "US", _itc_service(dispute)
    jurisdiction = (dispute.jurisdiction or "US").upper()
    if dispute.is_schedule_a:
        return DeadlineRule.SCHEDULE_A, jurisdiction, dispute.filed_on
    if dispute.dispute_type not in ANSWERED_TYPES:
        return DeadlineRule.NO_RULE, jurisdiction, None
    service = dispute.filed_on and dispute.filed_on + timedelta(days=SERVICE_DAYS)
    return DeadlineRule.US_ANSWER, jurisdiction, service


def estimate_deadline(dispute: Dispute) -> DeadlineEstimate:
    """The response deadline a defendant of `dispute` should plan for (see the module text)."""
    from oipa.knowledge import facts

    rule, jurisdiction, service = _kind(dispute)
    if rule == DeadlineRule.NO_RULE:
        return DeadlineEstimate(None, rule, None, jurisdiction)
    fact = facts.deadline_rule(jurisdiction, EVENTS[rule])
    if fact is None:
        return DeadlineEstimate(None, DeadlineRule.NO_RULE, service, jurisdiction)
    if service is None:
        return DeadlineEstimate(None, DeadlineRule.UNKNOWN, None, jurisdiction)
    return DeadlineEstimate(facts.compute_deadline(fact, service), rule, service, jurisdiction)


def describe(rule: str, jurisdiction: str = "US") -> str:
    """The rule in words with the period its country profile states: "Answer to a civil
    complaint: 21 days after service"."""
    from oipa.knowledge import facts

    label = str(DeadlineRule(rule).label)
    event = EVENTS.get(rule)
    if event is None:
        return label
    fact = facts.deadline_rule(jurisdiction, event)
    if fact is None:
        return _("%(rule)s: period unknown") % {"rule": label}
    unit = _("months") if fact.unit == "months" else _("days")
    start = {"service": _("service"), "filing": _("filing"), "publication": _("publication")}
    period = _("%(amount)s %(unit)s after %(start)s") % {
        "amount": fact.amount,
        "unit": unit,
        "start": start.get(fact.starts_from, fact.starts_from),
    }
    return f"{label}: {period}"


def describe_rule(rule: str, dispute: Dispute) -> str:
    """`describe` for the jurisdiction whose rule an alert on `dispute` follows."""
    return describe(rule, "US" if is_itc(dispute) else (dispute.jurisdiction or "US"))


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
