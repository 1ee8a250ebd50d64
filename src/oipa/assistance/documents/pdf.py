"""Laying formal documents out as A4 PDF with reportlab (platypus).

All user-typed text goes through `para()`, which escapes it: reportlab paragraphs parse a small
markup language, and an applicant's "<b>" must print as typed, not change the document.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from io import BytesIO
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .content import Block, FormalDocument, day
from .fonts import cjk_font

MARGIN = 25 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN
LABEL_WIDTH = 42 * mm


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles in the CJK font; wordWrap="CJK" lets Chinese lines break anywhere."""
    font = cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=18, wordWrap="CJK")
    return {
        "body": body,
        "indent": ParagraphStyle("indent", parent=body, firstLineIndent=22),
        "center": ParagraphStyle("center", parent=body, fontSize=13, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "title", parent=body, fontSize=20, leading=30, alignment=TA_CENTER, spaceAfter=6
        ),
        "number": ParagraphStyle("number", parent=body, alignment=TA_RIGHT, spaceAfter=12),
        "heading": ParagraphStyle(
            "heading", parent=body, fontSize=12.5, leading=20, spaceBefore=8, spaceAfter=4
        ),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9.5, leading=13),
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=10),
    }


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), styles()[style])


def table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    header: bool = False,
    style: str = "cell",
) -> Table:
    """A ruled table of plain-text cells, the first row shaded when `header`."""
    data = [[para(cell, style) for cell in row] for row in rows]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")))
    result = Table(data, colWidths=list(widths), repeatRows=1 if header else 0)
    result.setStyle(TableStyle(commands))
    return result


def label_table(rows: Iterable[tuple[str, str]]) -> Table:
    return table(list(rows), [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH])


class Bookmark(Flowable):
    """An invisible mark adding an entry to the PDF outline (the reader's side panel)."""

    def __init__(self, title: str, key: str, level: int = 0):
        super().__init__()
        self.title, self.key, self.level = title, key, level
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level)


def document_flowables(document: FormalDocument) -> list[Flowable]:
    """The letterhead, title, number, addressee, body and the Center's signature."""
    flow: list[Flowable] = [
        para(settings.CENTER_DISPLAY_NAME, "center"),
        Spacer(1, 4 * mm),
        para(document.title, "title"),
        para(document.number, "number"),
    ]
    if document.addressee:
        flow.append(para(_("%(name)s:") % {"name": document.addressee}))
    for block in document.blocks:
        flow += block_flowables(block)
    if document.addressee:  # notices are signed; the application form is the applicant's
        flow += [
            Spacer(1, 12 * mm),
            para(settings.CENTER_DISPLAY_NAME, "right"),
            para(day(document.issued_on), "right"),
        ]
    return flow


def block_flowables(block: Block) -> list[Flowable]:
    flow: list[Flowable] = []
    if block.heading:
        flow.append(para(block.heading, "heading"))
    if block.text:
        flow.append(para(block.text, "indent"))
    if block.rows:
        flow += [Spacer(1, 2 * mm), label_table(block.rows), Spacer(1, 2 * mm)]
    return flow


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(cjk_font(), 8)
    contact = []
    if settings.CENTER_ADDRESS:
        contact.append(_("Address: %(address)s") % {"address": settings.CENTER_ADDRESS})
    if settings.CENTER_PHONE:
        contact.append(_("Telephone: %(phone)s") % {"phone": settings.CENTER_PHONE})
    if contact:
        canvas.drawString(MARGIN, 12 * mm, "    ".join(contact))
    canvas.drawRightString(A4[0] - MARGIN, 12 * mm, f"— {doc.page} —")
    canvas.restoreState()


def build_pdf(flowables: list[Flowable], *, title: str, subject: str, keywords: str) -> bytes:
    """The PDF bytes of `flowables`, with the Center as author and the case in the metadata."""
    buffer = BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=settings.CENTER_DISPLAY_NAME,
        subject=subject,
        keywords=keywords,
        creator="OIPA",
    )
    template.build(flowables, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()
