"""A member's annual fund statement as an Excel workbook (openpyxl)."""

from __future__ import annotations

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .ledger import MemberStatement


def statement_workbook(statement: MemberStatement) -> bytes:
    """One sheet: the member, the year, contributions and payouts line by line, and totals.
    Amounts are written as numbers with two decimals, never as text."""
    book = Workbook()
    sheet = book.active
    sheet.title = str(statement.year)
    member = statement.member
    sheet.append([_("Mutual-aid fund statement"), member.fund.name])
    sheet["A1"].font = Font(bold=True)
    sheet.append([_("Member"), member.organization.name])
    sheet.append([_("Year"), statement.year])
    sheet.append([])
    sheet.append([_("Date"), _("Movement"), _("Reference"), _("Amount (CNY)")])
    for contribution in statement.contributions:
        sheet.append(
            [
                contribution.received_on,
                _("Contribution"),
                contribution.reference,
                contribution.amount,
            ]
        )
    for payout in statement.payouts:
        sheet.append([payout.paid_on, _("Payout"), payout.reference, -payout.amount])
    sheet.append([])
    sheet.append([_("Contributed this year"), "", "", statement.contributed])
    sheet.append([_("Received this year"), "", "", statement.received])
    sheet.append([_("Contributed to date"), "", "", statement.contributed_to_date])
    sheet.append([_("Received to date"), "", "", statement.received_to_date])
    for row in sheet.iter_rows(min_row=5, min_col=4, max_col=4):
        for cell in row:
            cell.number_format = "#,##0.00"
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
