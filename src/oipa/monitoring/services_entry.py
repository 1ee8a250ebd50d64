"""Manual entry of one dispute by Center staff, for disputes learned by other channels
(customs seizures, platform complaints, letters).

An entry is stored exactly like a row of the staff spreadsheet (`importers.spreadsheet`), on the
same staff source and under the same key: the staff reference. Entering a reference again
updates that dispute (changes recorded, parties only added), never a second one. Each entry is a
one-record import run, so it shows in the source's run history, and its new parties are matched
once it is committed, like any import.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import services
from .builders import build_source
from .importers import runner
from .importers.base import RecordError
from .importers.spreadsheet import record_from_row
from .models import Dispute, ImportRun, Source, SourceKind

STAFF_SOURCE = "staff-upload"


def staff_source() -> Source:
    """The source of staff uploads and entries, created when missing."""
    return build_source(
        slug=STAFF_SOURCE, kind=SourceKind.SPREADSHEET, name="Staff uploads and entries"
    )


def enter_dispute(
    *,
    actor: Any,
    reference: str,
    forum: str,
    jurisdiction: str = "US",
    case_number: str = "",
    filed_on: date | None = None,
    dispute_type: str = "",
    nature_of_suit: str = "",
    title: str = "",
    plaintiffs: list[str] | None = None,
    defendants: list[str] | None = None,
    url: str = "",
    note: str = "",
) -> tuple[Dispute, ImportRun]:
    """Store (or update, for a known reference) one dispute entered by Center staff; the
    dispute and its one-record run. PermissionDenied for anyone else; ValidationError naming
    the bad field, with nothing stored, for bad input."""
    services._require_center_staff(actor)
    row = {
        "reference": " ".join((reference or "").split()),
        "forum": forum,
        "jurisdiction": jurisdiction,
        "case_number": case_number,
        "filed_on": filed_on.isoformat() if filed_on else "",
        "dispute_type": dispute_type,
        "nature_of_suit": nature_of_suit,
        "title": title,
        "plaintiffs": "; ".join(plaintiffs or []),
        "defendants": "; ".join(defendants or []),
        "url": url,
        "note": note,
        "channel": "manual",
    }
    try:
        record = record_from_row(row)
    except RecordError as exc:
        raise ValidationError(str(exc)) from None
    source = staff_source()
    run = ImportRun.objects.create(source=source, triggered_by=actor)
    run = runner.execute_items(run, [(_("entry"), record)])
    if run.failed:
        raise ValidationError(
            _("The dispute could not be stored: %(reason)s")
            % {"reason": run.notes[0]["reason"] if run.notes else ""}
        )
    services._audited(actor, run, "monitoring.dispute_entered")
    dispute = Dispute.objects.get(source=source, external_id=record.external_id)
    return dispute, run
