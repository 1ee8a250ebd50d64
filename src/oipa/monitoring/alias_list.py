"""The Center's list of other names of registered enterprises: its columns and how a file is
stored.

Columns (row 1, any order; unknown columns are ignored): `uscc` (required: the unified social
credit code of an enterprise registered on the platform) and the name columns `former_names`,
`english_names`, `brands`, `stores`, `seller_ids`, `domains`, each holding several names
separated by semicolons. A row adds the names not yet recorded and never removes one; a bad row
is returned with its row number and the other rows are stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from stdnum.cn import uscc as stdnum_uscc
from stdnum.exceptions import ValidationError as StdnumError

from oipa.accounts.models import Organization, OrgKind

from .importers.base import RecordError
from .importers.tables import split_names, table_rows
from .models import EnterpriseAlias
from .watch_list import ALIAS_COLUMNS

COLUMNS = [
    # name, required, meaning, example
    (
        "uscc",
        True,
        gettext_lazy("Unified social credit code of the registered enterprise."),
        "91110105MA01XXXXXX",
    ),
    ("former_names", False, gettext_lazy("Former Chinese names."), "北京星河电子有限公司"),
    ("english_names", False, gettext_lazy("English names."), "Beijing Xinghe Tech Co., Ltd."),
    ("brands", False, gettext_lazy("Brand names."), "XINGHE; 星河"),
    ("stores", False, gettext_lazy("Online store names."), "XingheTech Store"),
    ("seller_ids", False, gettext_lazy("Marketplace seller IDs."), "A1B2C3D4E5F6G7"),
    ("domains", False, gettext_lazy("Web domains."), "xinghe-tech.com"),
]
HEADER = [name for name, *_rest in COLUMNS]


@dataclass
class AliasListResult:
    """What an alias-list load did: names added, rows with nothing new, (row, reason) for bad
    rows, and the organizations that got a new name (they are matched again)."""

    added: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    organization_ids: list[int] = field(default_factory=list)


def read_alias_list(data: bytes) -> AliasListResult:
    """Store every good row of the file; ImportFileError when the file cannot be read."""
    result = AliasListResult()
    for number, row in table_rows(data, required=("uscc",)):
        try:
            with transaction.atomic():
                organization_id, added = _store_row(row)
        except RecordError as exc:
            result.errors.append((number, str(exc)))
            continue
        result.added += added
        if added:
            if organization_id not in result.organization_ids:
                result.organization_ids.append(organization_id)
        else:
            result.unchanged += 1
    return result


def _organization(value: str) -> Organization:
    if not value:
        raise RecordError(_("uscc: this column is required"))
    try:
        code = stdnum_uscc.validate(value)
    except StdnumError:
        raise RecordError(_("uscc: not a valid unified social credit code")) from None
    organization = Organization.objects.filter(kind=OrgKind.ENTERPRISE, uscc=code).first()
    if organization is None:
        raise RecordError(_("uscc: no enterprise with this code is registered"))
    return organization


def _store_row(row: dict[str, str]) -> tuple[int, int]:
    organization = _organization(row.get("uscc", "").strip())
    names = [
        (kind, " ".join(name.split())[:300])
        for column, kind in ALIAS_COLUMNS.items()
        for name in split_names(row.get(column, ""))
    ]
    if not names:
        raise RecordError(_("give at least one name in the name columns"))
    added = 0
    for kind, name in names:
        _alias, created = EnterpriseAlias.objects.get_or_create(
            organization=organization, kind=kind, name=name
        )
        added += int(created)
    return organization.pk, added


def template_csv() -> bytes:
    """The template as CSV (UTF-8 with BOM so that Excel shows Chinese correctly)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerow([example for *_rest, example in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
