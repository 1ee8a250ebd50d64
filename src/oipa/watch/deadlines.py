"""Opposition deadlines of foreign offices.

The rule comes from the published country profile (`oipa.knowledge.facts.deadline_rule(
jurisdiction, "opposition")`); while a jurisdiction has no published profile, the rule of
`FALLBACK_RULES` applies (the same official figures), so a warning never goes out without a
deadline the office's law gives. WIPO (Madrid) has no opposition of its own: each designated
office's period applies, so no deadline is computed for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from oipa.knowledge import facts

from .models import OFFICE_JURISDICTION, Office

OPPOSITION = "opposition"

FALLBACK_RULES = {
    "US": facts.DeadlineRule(
        "US",
        OPPOSITION,
        30,
        "days",
        "publication",
        "extendable: 30 days on request, a further 60 for good cause, up to 180 days from "
        "publication",
        "https://www.uspto.gov/trademarks/trademark-trial-and-appeal-board",
    ),
    "EU": facts.DeadlineRule(
        "EU",
        OPPOSITION,
        3,
        "months",
        "publication",
        "",
        "https://www.euipo.europa.eu/en/trade-marks/after-applying/oppositions",
    ),
    "GB": facts.DeadlineRule(
        "GB",
        OPPOSITION,
        2,
        "months",
        "publication",
        "extendable by 1 month by filing a notice of threatened opposition (TM7A)",
        "https://www.gov.uk/government/publications/trade-marks-opposition",
    ),
}


@dataclass(frozen=True)
class Deadline:
    """An opposition deadline and how it was reached (shown to the enterprise)."""

    due: date | None
    basis: str


def opposition_rule(office: str) -> facts.DeadlineRule | None:
    jurisdiction = OFFICE_JURISDICTION.get(Office(office), "")
    return facts.deadline_rule(jurisdiction, OPPOSITION) or FALLBACK_RULES.get(jurisdiction)


def opposition_deadline(office: str, published_on: date | None) -> Deadline:
    """The last day to oppose a mark published on `published_on` at `office`."""
    rule = opposition_rule(office)
    if rule is None:
        return Deadline(None, _("No opposition period of its own: check each designated office."))
    if published_on is None:
        return Deadline(None, _("Not yet published for opposition: the period has not started."))
    period = (
        _("%(n)s days") % {"n": rule.amount}
        if rule.unit == "days"
        else _("%(n)s months") % {"n": rule.amount}
    )
    basis = _("%(period)s from publication on %(date)s") % {
        "period": period,
        "date": published_on.isoformat(),
    }
    if rule.extension:
        basis = f"{basis}; {rule.extension}"
    return Deadline(facts.compute_deadline(rule, published_on), basis[:500])
