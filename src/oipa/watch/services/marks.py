"""Watched marks: an enterprise manages its own; the Center manages all and bulk-loads watch
lists for enterprises not registered on the platform."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from stdnum.cn import uscc as stdnum_uscc
from stdnum.exceptions import ValidationError as StdnumError

from oipa.accounts.models import Organization, OrgKind
from oipa.core.audit.services import record_event
from oipa.core.taxonomy.models import Jurisdiction
from oipa.matching.marks import pinyin_forms
from oipa.monitoring.importers.base import ImportFileError
from oipa.monitoring.importers.tables import split_names, table_rows
from oipa.monitoring.models import WatchedEnterprise

from ..access import enterprise_of, is_center_staff
from ..models import WatchedMark

WATCH_LIST_COLUMNS = (
    "enterprise",
    "uscc",
    "mark",
    "english_forms",
    "nice_classes",
    "jurisdictions",
)


def _classes(values: Iterable[Any]) -> list[int]:
    numbers = set()
    for value in values:
        text = str(value).strip()
        if not text:
            continue
        if not text.isdigit() or not 1 <= int(text) <= 45:
            raise ValidationError({"nice_classes": _("Nice classes are numbered 1 to 45.")})
        numbers.add(int(text))
    return sorted(numbers)


def _jurisdictions(codes: Iterable[str]) -> list[str]:
    wanted = sorted({c.strip().upper() for c in codes if c and c.strip()})
    known = set(Jurisdiction.objects.filter(code__in=wanted).values_list("code", flat=True))
    unknown = [c for c in wanted if c not in known]
    if unknown:
        raise ValidationError(
            {"jurisdictions": _("Unknown jurisdiction: %(codes)s") % {"codes": ", ".join(unknown)}}
        )
    return wanted


def _fields(word_mark: str, english_forms, nice_classes, jurisdictions) -> dict[str, Any]:
    word_mark = " ".join((word_mark or "").split())[:200]
    if not word_mark:
        raise ValidationError({"word_mark": _("Enter the word mark.")})
    spaced, joined = pinyin_forms(word_mark)
    return {
        "word_mark": word_mark,
        "pinyin": spaced[:400],
        "pinyin_joined": joined[:400],
        "english_forms": [" ".join(e.split())[:200] for e in english_forms if e and e.strip()],
        "nice_classes": _classes(nice_classes),
        "jurisdictions": _jurisdictions(jurisdictions),
    }


def _owner_for(actor: Any, organization: Organization | None, watched) -> dict[str, Any]:
    own = enterprise_of(actor)
    if own is not None:
        if watched is not None or (organization is not None and organization.pk != own.pk):
            raise PermissionDenied
        return {"organization": own}
    if not is_center_staff(actor):
        raise PermissionDenied(_("Only Center staff or the enterprise itself may do this."))
    if (organization is None) == (watched is None):
        raise ValidationError(_("Choose the enterprise the mark belongs to."))
    return {"organization": organization} if organization is not None else {"watched": watched}


def add_watched_mark(
    *,
    actor: Any,
    word_mark: str,
    english_forms: Iterable[str] = (),
    nice_classes: Iterable[Any] = (),
    jurisdictions: Iterable[str] = (),
    organization: Organization | None = None,
    watched: WatchedEnterprise | None = None,
) -> WatchedMark:
    """Watch a mark for an enterprise: its own member (organization is then theirs), or Center
    staff for any registered or watched enterprise. The pinyin is derived from the mark."""
    owner = _owner_for(actor, organization, watched)
    values = _fields(word_mark, english_forms, nice_classes, jurisdictions)
    try:
        with transaction.atomic():
            mark = WatchedMark.objects.create(created_by=actor, **owner, **values)
            record_event(
                actor=actor,
                action="watch.mark_added",
                target=mark,
                organization=mark.organization,
                after=_snapshot(mark),
            )
            queue_backfill(mark.pk)
    except IntegrityError:
        raise ValidationError({"word_mark": _("This mark is already watched.")}) from None
    return mark


def queue_backfill(mark_id: int) -> None:
    """After commit, match the mark against publications already imported."""
    from ..tasks import backfill_mark

    transaction.on_commit(lambda: backfill_mark.delay(mark_id))


def _snapshot(mark: WatchedMark) -> dict[str, Any]:
    return {
        "word_mark": mark.word_mark,
        "english_forms": mark.english_forms,
        "nice_classes": mark.nice_classes,
        "jurisdictions": mark.jurisdictions,
        "is_active": mark.is_active,
    }


def _check_write(actor: Any, mark: WatchedMark) -> None:
    own = enterprise_of(actor)
    if own is not None and mark.organization_id == own.pk:
        return
    if not is_center_staff(actor):
        raise PermissionDenied


def update_watched_mark(
    *,
    actor: Any,
    mark: WatchedMark,
    word_mark: str,
    english_forms: Iterable[str] = (),
    nice_classes: Iterable[Any] = (),
    jurisdictions: Iterable[str] = (),
    is_active: bool = True,
) -> WatchedMark:
    """Change a watched mark (its enterprise's members or Center staff)."""
    _check_write(actor, mark)
    values = _fields(word_mark, english_forms, nice_classes, jurisdictions)
    values["is_active"] = is_active
    before = _snapshot(mark)
    try:
        with transaction.atomic():
            WatchedMark.objects.filter(pk=mark.pk).update(**values)
            mark.refresh_from_db()
            record_event(
                actor=actor,
                action="watch.mark_changed",
                target=mark,
                organization=mark.organization,
                before=before,
                after=_snapshot(mark),
            )
            if is_active:
                queue_backfill(mark.pk)
    except IntegrityError:
        raise ValidationError({"word_mark": _("This mark is already watched.")}) from None
    return mark


def remove_watched_mark(*, actor: Any, mark: WatchedMark) -> None:
    """Stop watching a mark (kept, inactive, so its hits and warnings stay explained)."""
    _check_write(actor, mark)
    with transaction.atomic():
        if not WatchedMark.objects.filter(pk=mark.pk, is_active=True).update(is_active=False):
            raise ValidationError(_("This mark is no longer watched."))
        record_event(
            actor=actor,
            action="watch.mark_removed",
            target=mark,
            organization=mark.organization,
            before={"is_active": True},
            after={"is_active": False},
        )


@dataclass
class WatchListResult:
    """What a watch-list load did: marks created and updated, and (row, reason) for bad rows."""

    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def load_watch_list(*, actor: Any, data: bytes, file_name: str = "") -> WatchListResult:
    """Center staff load a watch list (CSV or Excel; columns `WATCH_LIST_COLUMNS`, one mark per
    row). A row whose USCC belongs to a registered enterprise adds the mark to it; otherwise the
    enterprise is found or added on the Center's watch list of unregistered enterprises. Good
    rows are stored each on its own; bad rows are reported with their row number."""
    if not is_center_staff(actor):
        raise PermissionDenied(_("Only Center staff may do this."))
    result = WatchListResult()
    try:
        rows = list(table_rows(data, required=("enterprise", "mark")))
    except ImportFileError as exc:
        raise ValidationError(str(exc)) from None
    for number, row in rows:
        try:
            with transaction.atomic():
                created = _store_row(actor, row)
        except ValidationError as exc:
            result.errors.append((number, "; ".join(exc.messages)))
            continue
        result.created += created
        result.updated += not created
    with transaction.atomic():
        record_event(
            actor=actor,
            action="watch.watch_list_loaded",
            after={
                "file": file_name[:200],
                "created": result.created,
                "updated": result.updated,
                "errors": len(result.errors),
            },
        )
    return result


def _uscc(value: str) -> str | None:
    if not value.strip():
        return None
    try:
        return stdnum_uscc.validate(value.strip())
    except StdnumError:
        raise ValidationError(_("uscc: not a valid unified social credit code")) from None


def _enterprise(row: dict[str, str]) -> dict[str, Any]:
    name = " ".join(row.get("enterprise", "").split())[:200]
    if not name:
        raise ValidationError(_("enterprise: this column is required"))
    uscc = _uscc(row.get("uscc", ""))
    if uscc:
        organization = Organization.objects.filter(kind=OrgKind.ENTERPRISE, uscc=uscc).first()
        if organization is not None:
            return {"organization": organization}
        watched = WatchedEnterprise.objects.filter(uscc=uscc).first()
    else:
        watched = WatchedEnterprise.objects.filter(name=name, uscc__isnull=True).first()
    if watched is None:
        watched = WatchedEnterprise.objects.create(
            name=name, uscc=uscc, province_code=uscc[2:4] if uscc else "", note="watch list"
        )
    return {"watched": watched}


def _store_row(actor: Any, row: dict[str, str]) -> bool:
    owner = _enterprise(row)
    values = _fields(
        row.get("mark", ""),
        split_names(row.get("english_forms", "")),
        re.split(r"[,;\s]+", row.get("nice_classes", "")),
        re.split(r"[,;\s]+", row.get("jurisdictions", "")),
    )
    mark = WatchedMark.objects.filter(word_mark=values["word_mark"], **owner).first()
    if mark is None:
        mark = WatchedMark.objects.create(created_by=actor, **owner, **values)
        queue_backfill(mark.pk)
        return True
    WatchedMark.objects.filter(pk=mark.pk).update(is_active=True, **values)
    queue_backfill(mark.pk)
    return False
