"""Which optional fields each dispute type asks for, and which it requires.

The form hides what does not apply (a warning letter has no hearing date or court case number),
and the services clear such fields, so one table serves the UI, the API and submission checks.
"""

from __future__ import annotations

from oipa.core.taxonomy.choices import DisputeType as D

COURT_LIKE = {"forum", "case_numbers", "served_on", "hearing_on"}
APPLICABLE: dict[str, set[str]] = {
    D.LITIGATION: COURT_LIKE,
    D.ITC_337: COURT_LIKE,
    D.ARBITRATION: COURT_LIKE,
    D.CRIMINAL: COURT_LIKE,
    D.OPPOSITION_INVALIDATION: {"forum", "case_numbers", "served_on"},
    D.CUSTOMS_SEIZURE: {"forum", "case_numbers"},
    D.PLATFORM_COMPLAINT: {"forum", "case_numbers"},
    D.WARNING_LETTER: {"served_on"},
}
ALWAYS_REQUIRED = [
    "title",
    "dispute_type",
    "ip_types",
    "jurisdictions",
    "our_role",
    "description",
    "help_wanted",
]
REQUIRED: dict[str, list[str]] = {
    D.LITIGATION: ["forum"],
    D.ITC_337: ["forum"],
    D.ARBITRATION: ["forum"],
    D.CRIMINAL: ["forum"],
    D.OPPOSITION_INVALIDATION: ["forum"],
    D.CUSTOMS_SEIZURE: [],
    D.PLATFORM_COMPLAINT: ["forum"],
    D.WARNING_LETTER: [],
}


def applicable_fields(dispute_type: str) -> set[str]:
    """The optional, dispute-specific fields shown for this dispute type."""
    return APPLICABLE.get(dispute_type, COURT_LIKE)


def required_fields(dispute_type: str) -> list[str]:
    """Fields that must be filled before submission."""
    return ALWAYS_REQUIRED + REQUIRED.get(dispute_type, [])
