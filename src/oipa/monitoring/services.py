"""Every write of dispute monitoring: imports, review decisions, aliases and the watch list.

Each function takes `actor=` first (a User, or None for the system's scheduled work where
allowed), checks the actor's right (PermissionDenied), validates input (ValidationError with a
localized message), and writes one audit event.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.accounts.models import Organization, OrgKind, Role
from oipa.core.audit.services import record_event

from . import services_alerts
from .alias_list import AliasListResult, read_alias_list
from .importers import runner
from .importers.base import ImportFileError
from .models import (
    AliasKind,
    EnterpriseAlias,
    ImportRun,
    MatchDecision,
    MatchStatus,
    PartyMatch,
    RunStatus,
    Source,
    Verdict,
)
from .models_matching import DECIDABLE
from .rematch import queue_rematch
from .watch_list import WatchListResult, read_watch_list

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
FileInput = bytes | Path | IO[bytes] | Any


def _is_center_staff(actor: Any) -> bool:
    membership = getattr(actor, "membership", None)
    return membership is not None and membership.is_center_staff


def _require_center_staff(actor: Any) -> None:
    if not _is_center_staff(actor):
        raise PermissionDenied(_("Only Center staff may do this."))


def _read_file(file: FileInput) -> tuple[bytes, str]:
    """The bytes and the name of an upload, a path or raw bytes."""
    if isinstance(file, bytes):
        data, name = file, ""
    elif isinstance(file, Path):
        data, name = file.read_bytes(), file.name
    else:
        data, name = file.read(), Path(getattr(file, "name", "") or "").name
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The file is larger than 20 MB."))
    return data, name


def import_source(
    *, actor: Any = None, source: Source, file: FileInput | None = None, transport: Any = None
) -> ImportRun:
    """Import `file` (or, without one, the source's URL) into `source` and return the finished
    run with its counts. The actor is Center staff, or None for scheduled imports. Records are
    committed one by one (see `importers.runner`), so this function is not one transaction; a
    file that cannot be read gives a failed run, not an exception. The new parties are queued
    for matching once the run is committed."""
    if actor is not None:
        _require_center_staff(actor)
    data, name = _read_file(file) if file is not None else (b"", "")
    run = ImportRun.objects.create(source=source, triggered_by=actor, file_name=name[:255])
    if file is None:
        try:
            data = runner.fetch_data(source, transport=transport)
        except ImportFileError as exc:
            return _audited(actor, runner.finish(run, runner.RunLog(), str(exc)))
    return _audited(actor, runner.execute(run, data))


def _audited(actor: Any, run: ImportRun, action: str = "monitoring.source_imported") -> ImportRun:
    """Record the finished run in the audit trail and, unless it failed, queue the matching
    of its new parties once committed."""
    from .tasks import match_run

    counts = {n: getattr(run, n) for n in ("read", "new", "updated", "skipped", "failed")}
    with transaction.atomic():
        record_event(
            actor=actor,
            action=action,
            target=run,
            after={"source": run.source.slug, "status": run.status, **counts},
        )
        if run.status != RunStatus.FAILED:
            transaction.on_commit(lambda: match_run.delay(run.pk))
    return run


def confirm_match(*, actor: Any, match: PartyMatch) -> PartyMatch:
    """Staff confirm that the party is the enterprise; remembered for this party name."""
    return _decide(actor, match, Verdict.CONFIRM)


def reject_match(*, actor: Any, match: PartyMatch) -> PartyMatch:
    """Staff reject the match; remembered for this party name."""
    return _decide(actor, match, Verdict.REJECT)


def _decide(actor: Any, match: PartyMatch, verdict: str) -> PartyMatch:
    _require_center_staff(actor)
    status = MatchStatus.CONFIRMED if verdict == Verdict.CONFIRM else MatchStatus.REJECTED
    now = timezone.now()
    with transaction.atomic():
        before = PartyMatch.objects.filter(pk=match.pk).values_list("status", flat=True).first()
        changed = PartyMatch.objects.filter(pk=match.pk, status__in=DECIDABLE).update(
            status=status, decided_by=actor, decided_at=now
        )
        if not changed:
            raise ValidationError(_("This match has already been decided."))
        normalized = match.party.normalized
        MatchDecision.objects.update_or_create(
            party_normalized=normalized,
            enterprise_key=match.enterprise_key,
            defaults={"verdict": verdict, "decided_by": actor, "decided_at": now},
        )
        _apply_to_pending(normalized, match, verdict)
        match.refresh_from_db()
        record_event(
            actor=actor,
            action=f"monitoring.match_{status}",
            target=match,
            organization=actor.organization,
            before={"status": before},
            after={
                "status": status,
                "party": match.party.name,
                "enterprise": str(match.enterprise),
            },
        )
        services_alerts.queue_alerts_for_match(match.pk)
    return match


def _apply_to_pending(normalized: str, match: PartyMatch, verdict: str) -> int:
    """The same pair, still undecided in other disputes, follows the decision."""
    status = MatchStatus.AUTO_CONFIRMED if verdict == Verdict.CONFIRM else MatchStatus.AUTO_REJECTED
    return (
        PartyMatch.objects.filter(
            party__normalized=normalized,
            enterprise_key=match.enterprise_key,
            status__in=(MatchStatus.REVIEW, MatchStatus.CONFIDENT),
        )
        .exclude(pk=match.pk)
        .update(status=status)
    )


def _may_edit_names(actor: Any, organization: Organization) -> bool:
    membership = getattr(actor, "membership", None)
    if membership is None:
        return False
    if membership.is_center_staff:
        return True
    return (
        membership.role == Role.ENTERPRISE_ADMIN and membership.organization_id == organization.pk
    )


def add_alias(*, actor: Any, organization: Organization, name: str, kind: str) -> EnterpriseAlias:
    """Add another name (former, English, brand, store, seller ID, domain) under which disputes
    against `organization` are watched. Center staff, or an administrator of that enterprise."""
    if not _may_edit_names(actor, organization):
        raise PermissionDenied(_("You may not change this organization's names."))
    name = " ".join((name or "").split())
    if organization.kind != OrgKind.ENTERPRISE:
        raise ValidationError(_("Only enterprises have monitored names."))
    if kind not in AliasKind.values or kind == AliasKind.LEGAL:
        raise ValidationError({"kind": _("Choose a kind of name.")})
    if not name or len(name) > 300:
        raise ValidationError({"name": _("Give a name of at most 300 characters.")})
    with transaction.atomic():
        alias, created = EnterpriseAlias.objects.get_or_create(
            organization=organization, kind=kind, name=name
        )
        if not created:
            raise ValidationError({"name": _("This name is already recorded.")})
        record_event(
            actor=actor,
            action="monitoring.alias_added",
            target=organization,
            after={"name": name, "kind": kind},
        )
        queue_rematch(organization_id=organization.pk)
    return alias


def load_watch_list(*, actor: Any, file: FileInput) -> WatchListResult:
    """Bulk-load enterprises the Center watches without their registration (CSV or Excel; see
    `watch_list.COLUMNS`). Rows are added or updated by USCC, else by name; aliases are only
    added. Center staff only. Bad rows are returned with their row numbers; the file as a whole
    is rejected (ValidationError) only when it cannot be read."""
    _require_center_staff(actor)
    data, name = _read_file(file)
    with transaction.atomic():
        try:
            result = read_watch_list(data)
        except ImportFileError as exc:
            raise ValidationError(str(exc)) from None
        record_event(
            actor=actor,
            action="monitoring.watch_list_loaded",
            after={
                "file": name,
                "created": result.created,
                "updated": result.updated,
                "failed": len(result.errors),
            },
        )
        for watched_id in result.rematch_ids:
            queue_rematch(watched_id=watched_id)
    return result


def load_aliases(*, actor: Any, file: FileInput) -> AliasListResult:
    """Bulk-add other names (brands, stores, seller IDs, domains, English and former names) of
    registered enterprises, found by USCC (CSV or Excel; see `alias_list.COLUMNS`). Center staff
    only. Names are only added; bad rows come back with their row numbers and the others are
    stored; the file as a whole is refused (ValidationError) only when it cannot be read. Each
    enterprise that got a new name is matched again against recent disputes."""
    _require_center_staff(actor)
    data, name = _read_file(file)
    with transaction.atomic():
        try:
            result = read_alias_list(data)
        except ImportFileError as exc:
            raise ValidationError(str(exc)) from None
        record_event(
            actor=actor,
            action="monitoring.aliases_loaded",
            after={"file": name, "added": result.added, "failed": len(result.errors)},
        )
        for organization_id in result.organization_ids:
            queue_rematch(organization_id=organization_id)
    return result
