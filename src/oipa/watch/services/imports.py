"""Importing a gazette file: publications stored one by one, keyed by (office, serial number)."""

from __future__ import annotations

import io
from functools import partial
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.core.audit.services import record_event
from oipa.matching.marks import looks_chinese

from ..access import is_center_staff
from ..importers import FORMATS, ImportFileError, PublicationRecord, RecordError, reader_for
from ..models import ImportRun, Office, Publication, RunStatus
from ..owners import normalize_owner

TRACKED = (
    "mark_text",
    "filing_date",
    "publication_date",
    "nice_classes",
    "owner_name",
    "owner_nationality",
    "owner_address",
    "correspondent",
)
FileInput = bytes | Path | IO[bytes]


def _stream(file: FileInput) -> tuple[IO[bytes], str]:
    if isinstance(file, bytes):
        return io.BytesIO(file), ""
    if isinstance(file, Path):
        return file.open("rb"), file.name
    return file, Path(getattr(file, "name", "") or "").name


def import_gazette(
    *, actor: Any = None, source: str, file: FileInput, office: str = Office.USPTO
) -> ImportRun:
    """Import a gazette file in format `source` (see `importers.FORMATS`) and return the finished
    run with its counts. Center staff, or None for scheduled imports. Each publication is
    committed on its own, so a malformed record or a break in the file never loses what was
    stored; new or changed publications are matched against the watched marks after commit."""
    if actor is not None and not is_center_staff(actor):
        raise PermissionDenied(_("Only Center staff may do this."))
    if source not in FORMATS:
        raise ValidationError(_("Unknown gazette format."))
    if office not in Office.values:
        raise ValidationError(_("Unknown office."))
    stream, name = _stream(file)
    run = ImportRun.objects.create(
        office=office, source=source, triggered_by=actor, file_name=name[:255]
    )
    counts = {"read": 0, "new": 0, "updated": 0, "unchanged": 0, "failed": 0}
    notes: list[dict[str, str]] = []
    error = ""
    try:
        for position, item in reader_for(source)(stream):
            counts["read"] += 1
            if isinstance(item, RecordError):
                counts["failed"] += 1
                notes.append({"position": position, "reason": str(item)})
                continue
            counts[_store(run, item, office)] += 1
    except ImportFileError as exc:
        error = str(exc)
    finally:
        if isinstance(file, Path):
            stream.close()
    status = RunStatus.FAILED if error else RunStatus.PARTIAL if notes else RunStatus.SUCCEEDED
    with transaction.atomic():
        ImportRun.objects.filter(pk=run.pk).update(
            status=status, finished_at=timezone.now(), error=error, notes=notes[:1000], **counts
        )
        run.refresh_from_db()
        record_event(
            actor=actor,
            action="watch.gazette_imported",
            target=run,
            after={"office": office, "file": run.file_name, **counts},
        )
        if not error:
            transaction.on_commit(partial(_queue_match, run.pk))
    return run


def _queue_match(run_id: int) -> None:
    from ..tasks import match_run

    match_run.delay(run_id)


def _values(record: PublicationRecord) -> dict[str, Any]:
    return {
        "mark_text": record.mark_text[:500],
        "filing_date": record.filing_date,
        "publication_date": record.publication_date,
        "nice_classes": record.nice_classes,
        "owner_name": record.owner_name[:500],
        "owner_nationality": record.owner_nationality[:40],
        "owner_address": record.owner_address[:500],
        "correspondent": record.correspondent[:500],
    }


def _store(run: ImportRun, record: PublicationRecord, office: str) -> str:
    """Create or update one publication; "new", "updated" or "unchanged". A change of mark,
    classes or publication date sends it through matching again; empty fields never blank
    stored values."""
    office = record.office or office
    values = _values(record)
    with transaction.atomic():
        stored = (
            Publication.objects.select_for_update()
            .filter(office=office, serial_number=record.serial_number)
            .first()
        )
        if stored is None:
            Publication.objects.create(
                office=office,
                serial_number=record.serial_number,
                looks_chinese=looks_chinese(record.mark_text),
                owner_normalized=normalize_owner(record.owner_name),
                raw=record.raw,
                first_run=run,
                **values,
            )
            return "new"
        changes = {
            name: value
            for name, value in values.items()
            if value not in (None, "", []) and getattr(stored, name) != value
        }
        if not changes:
            return "unchanged"
        if {"mark_text", "nice_classes", "publication_date"} & set(changes):
            changes["matched_at"] = None
            changes["first_run"] = run
        if "mark_text" in changes:
            changes["looks_chinese"] = looks_chinese(changes["mark_text"])
        if "owner_name" in changes:
            changes["owner_normalized"] = normalize_owner(changes["owner_name"])
        Publication.objects.filter(pk=stored.pk).update(updated_at=timezone.now(), **changes)
        return "updated"
