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
from django.utils.translation import gettext_lazy
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
COLUMN_HELP = [
    # name, required, meaning, example
    ("name", True, gettext_lazy("Chinese legal name."), "天津海港新材料有限公司"),
    ("name_en", False, gettext_lazy("English name."), "Tianjin Haigang New Materials Co., Ltd."),
    (
        "uscc",
        False,
        gettext_lazy("Unified social credit code; a row with a known code updates that entry."),
        "91120116MA05XXXXXX",
    ),
    (
        "province_code",
        False,
        gettext_lazy("11 (Beijing), 12 (Tianjin) or 13 (Hebei); taken from the code if given."),
        "12",
    ),
    ("note", False, gettext_lazy("Why the Center watches it."), "行业协会推荐"),
    ("former_names", False, gettext_lazy("Former names, separated by semicolons."), ""),
    ("english_names", False, gettext_lazy("More English names."), "Haigang Materials"),
    ("brands", False, gettext_lazy("Brand names."), "海港; HAIGANG"),
    ("stores", False, gettext_lazy("Online store names."), "Haigang Official Store"),
    ("seller_ids", False, gettext_lazy("Marketplace seller IDs."), "A3HGXXXXXXXX"),
    ("domains", False, gettext_lazy("Web domains."), "haigang-materials.cn"),
]


@dataclass
class WatchListResult:
    """What a watch-list load did: rows created and updated, and (row, reason) for bad rows."""

    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    # Watched enterprises created or given a new name: they are matched again.
    rematch_ids: list[int] = field(default_factory=list)


def read_watch_list(data: bytes) -> WatchListResult:
    """Store every good row of the file; ImportFileError when the file cannot be read."""
    result = WatchListResult()
    for number, row in table_rows(data, required=("name",)):
        try:
            with transaction.atomic():
                created, watched_id, renamed = _store_row(row)
        except RecordError as exc:
            result.errors.append((number, str(exc)))
            continue
        if created or renamed:
            result.rematch_ids.append(watched_id)
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


def _store_row(row: dict[str, str]) -> tuple[bool, int, bool]:
    """(created, the row's pk, whether it got a new name) for one good row."""
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
    renamed = False
    if watched is None:
        watched = WatchedEnterprise.objects.create(uscc=uscc, **values)
    else:
        renamed = (watched.name, watched.name_en) != (values["name"], values["name_en"])
        WatchedEnterprise.objects.filter(pk=watched.pk).update(**values)
    for column, kind in ALIAS_COLUMNS.items():
        for alias in split_names(row.get(column, "")):
            _alias, added = EnterpriseAlias.objects.get_or_create(
                watched=watched, kind=kind, name=alias[:300]
            )
            renamed = renamed or added
    return created, watched.pk, renamed


def template_csv() -> bytes:
    """The watch-list template as CSV (UTF-8 with BOM so that Excel shows Chinese correctly)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([name for name, *_rest in COLUMN_HELP])
    writer.writerow([example for *_rest, example in COLUMN_HELP])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
