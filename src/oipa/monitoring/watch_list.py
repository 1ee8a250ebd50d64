"""The Center's watch list of unregistered enterprises: its columns and how a file is stored.

Columns (row 1; only `name` is required): `name` (Chinese legal name), `name_en`, `uscc`,
`province_code` (11, 12 or 13; taken from the USCC when given), `note`, and alias columns
`former_names`, `english_names`, `brands`, `stores`, `seller_ids`, `domains` with several names
separated by semicolons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from stdnum.cn import uscc as stdnum_uscc
from stdnum.exceptions import ValidationError as StdnumError

from .importers.base import RecordError
from .importers.tables import split_names, table_rows
from .models import AliasKind, EnterpriseAlias, WatchedEnterprise

ALIAS_COLUMNS = {
    "former_names": AliasKind.FORMER,
    "english_names": AliasKind.ENGLISH,
    "brands": AliasKind.BRAND,
    "stores": AliasKind.STORE,
    "seller_ids": AliasKind.SELLER_ID,
    "domains": AliasKind.DOMAIN,
}
COLUMNS = ["name", "name_en", "uscc", "province_code", "note", *ALIAS_COLUMNS]


@dataclass
class WatchListResult:
    """What a watch-list load did: rows created and updated, and (row, reason) for bad rows."""

    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def read_watch_list(data: bytes) -> WatchListResult:
    """Store every good row of the file; ImportFileError when the file cannot be read."""
    result = WatchListResult()
    for number, row in table_rows(data, required=("name",)):
        try:
            with transaction.atomic():
                created = _store_row(row)
        except RecordError as exc:
            result.errors.append((number, str(exc)))
            continue
        if created:
            result.created += 1
        else:
            result.updated += 1
    return result


def _uscc(value: str) -> str | None:
    if not value:
        return None
    try:
        return stdnum_uscc.validate(value)
    except StdnumError:
        raise RecordError(_("uscc: not a valid unified social credit code")) from None


def _store_row(row: dict[str, str]) -> bool:
    name = " ".join(row.get("name", "").split())[:200]
    if not name:
        raise RecordError(_("name: this column is required"))
    uscc = _uscc(row.get("uscc", ""))
    province = uscc[2:4] if uscc else row.get("province_code", "")[:2]
    if province and province not in ("11", "12", "13"):
        raise RecordError(_("province_code: only Beijing (11), Tianjin (12) or Hebei (13)"))
    lookup: dict[str, object] = {"uscc": uscc} if uscc else {"name": name, "uscc__isnull": True}
    values: dict[str, object] = {
        "name": name,
        "name_en": row.get("name_en", "")[:200],
        "province_code": province,
        "note": row.get("note", "")[:300],
        "is_active": True,
    }
    watched = WatchedEnterprise.objects.filter(**lookup).first()
    created = watched is None
    if watched is None:
        watched = WatchedEnterprise.objects.create(uscc=uscc, **values)
    else:
        WatchedEnterprise.objects.filter(pk=watched.pk).update(**values)
    for column, kind in ALIAS_COLUMNS.items():
        for alias in split_names(row.get(column, "")):
            EnterpriseAlias.objects.get_or_create(watched=watched, kind=kind, name=alias[:300])
    return created
