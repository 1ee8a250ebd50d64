"""Reading an attendance sheet (CSV) that staff exported from a sign-in sheet or a webinar tool.

Columns, by header (English or Chinese): the attendee's email (`email`, `邮箱`) or the
enterprise's USCC (`uscc`, `统一社会信用代码`), and whether they came (`attended`, `出席`:
yes/no, 1/0, true/false, 是/否, 出席/缺席). UTF-8 (with or without BOM) and GB18030 (what Excel
saves in Chinese Windows) are both read. Pure parsing: no database.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from oipa.core import regions

MAX_BYTES = 2 * 1024 * 1024
EMAIL_HEADERS = {"email", "e-mail", "邮箱", "电子邮箱"}
USCC_HEADERS = {"uscc", "统一社会信用代码", "信用代码"}
ATTENDED_HEADERS = {"attended", "attendance", "出席", "是否出席", "签到"}
YES = {"yes", "y", "1", "true", "x", "是", "出席", "已签到", "到"}
NO = {"no", "n", "0", "false", "否", "缺席", "未到", "未签到", ""}


@dataclass(frozen=True)
class SheetRow:
    line: int
    email: str
    uscc: str
    attended: bool


def read_sheet(content: bytes) -> tuple[list[SheetRow], list[str]]:
    """The well-formed rows and the errors of the malformed lines ("Line N: ...").
    ValidationError when the file as a whole cannot be read (size, encoding, header, empty)."""
    if len(content) > MAX_BYTES:
        raise ValidationError(_("The attendance file is larger than 2 MB."))
    text = _decode(content)
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    email_col = _column(header, EMAIL_HEADERS)
    uscc_col = _column(header, USCC_HEADERS)
    attended_col = _column(header, ATTENDED_HEADERS)
    if attended_col is None or (email_col is None and uscc_col is None):
        raise ValidationError(
            _(
                "The first line must name the columns: “email” or “uscc”, and “attended” "
                "(or 邮箱 / 统一社会信用代码 and 出席)."
            )
        )
    rows, errors = [], []
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        try:
            rows.append(_row(line, cells, email_col, uscc_col, attended_col))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if not rows and not errors:
        raise ValidationError(_("The attendance file has no rows."))
    return rows, errors


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("The file is not a text CSV (UTF-8 or GB18030)."))


def _column(header: list[str], names: set[str]) -> int | None:
    return next((i for i, h in enumerate(header) if h in names), None)


def _cell(cells: list[str], col: int | None) -> str:
    return cells[col].strip() if col is not None and col < len(cells) else ""


def _row(line: int, cells: list[str], email_col, uscc_col, attended_col) -> SheetRow:
    email, uscc = _cell(cells, email_col).lower(), _cell(cells, uscc_col)
    answer = _cell(cells, attended_col).lower()
    if answer not in YES | NO:
        raise ValidationError(
            _("Line %(line)d: “%(value)s” is not yes or no.") % {"line": line, "value": answer}
        )
    if not email and not uscc:
        raise ValidationError(_("Line %(line)d: no email and no USCC.") % {"line": line})
    if uscc:
        try:
            uscc = regions.parse_uscc(uscc).code
        except ValidationError as exc:
            raise ValidationError(
                _("Line %(line)d: %(error)s") % {"line": line, "error": exc.messages[0]}
            ) from None
    return SheetRow(line=line, email=email, uscc=uscc, attended=answer in YES)
