"""The bookkeeping of one import run: read, store each record in its own transaction, count,
note every skipped or failed record with its position, and finish the run.

Each record commits on its own so that a failure in record 300 keeps records 1–299 and the rest
of the file still goes on; a file that cannot be read fails the run without touching anything
stored.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ImportRun, RunStatus, Source
from . import importer_for
from .base import DisputeRecord, ImportFileError, Item, RecordError, Skip, save_record

logger = logging.getLogger(__name__)
MAX_NOTES = 500


class RunLog:
    """Counts and notes of a run in progress."""

    def __init__(self) -> None:
        self.counts = {"read": 0, "new": 0, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 0}
        self.notes: list[dict[str, str]] = []

    def note(self, position: str, outcome: str, reason: str) -> None:
        self.counts[outcome] += 1
        if len(self.notes) < MAX_NOTES:
            self.notes.append({"position": position, "outcome": outcome, "reason": reason})


def fetch_data(source: Source, *, transport: Any = None) -> bytes:
    """The source's current content from its URL; ImportFileError when it has none."""
    importer = importer_for(source.kind)
    if not source.url or not hasattr(importer, "fetch"):
        raise ImportFileError(_("This source has no URL to fetch; upload a file instead."))
    return importer.fetch(source, transport=transport)


def execute(run: ImportRun, data: bytes) -> ImportRun:
    """Import `data` into `run.source`, then finish `run` with its counts and status."""
    return execute_items(run, importer_for(run.source.kind).read(data, options=run.source.config))


def execute_items(run: ImportRun, items: Iterable[Item]) -> ImportRun:
    """Store `items` (position, record) into `run.source`, then finish `run`; an
    ImportFileError raised while reading them fails the run and keeps what was stored."""
    source = run.source
    log = RunLog()
    error = ""
    try:
        for position, item in items:
            log.counts["read"] += 1
            _store(item, position, source, run, log)
    except ImportFileError as exc:
        error = str(exc)
    return finish(run, log, error)


def _store(item: Any, position: str, source: Source, run: ImportRun, log: RunLog) -> None:
    if isinstance(item, Skip):
        log.note(position, "skipped", item.reason)
        return
    if isinstance(item, RecordError):
        log.note(position, "failed", str(item))
        return
    assert isinstance(item, DisputeRecord)
    try:
        with transaction.atomic():
            outcome = save_record(item, source=source, run=run)
    except DatabaseError as exc:
        logger.exception("monitoring: record %s of run %s not stored", position, run.pk)
        log.note(position, "failed", _("could not be stored: %(error)s") % {"error": exc})
        return
    log.counts[outcome] += 1


def finish(run: ImportRun, log: RunLog, error: str = "") -> ImportRun:
    """Write the counts, notes and status (failed when the file could not be read, partial
    when some records failed); mark the source's last run and last success."""
    if error:
        run.status = RunStatus.FAILED
    elif log.counts["failed"]:
        run.status = RunStatus.PARTIAL
    else:
        run.status = RunStatus.SUCCEEDED
    for name, value in log.counts.items():
        setattr(run, name, value)
    run.notes = log.notes
    run.error = error
    run.finished_at = timezone.now()
    run.save()
    source_fields: dict[str, Any] = {"last_run": run}
    if run.status != RunStatus.FAILED:
        source_fields["last_success_at"] = run.finished_at
    Source.objects.filter(pk=run.source_id).update(**source_fields)
    return run
