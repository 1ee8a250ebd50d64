"""Builders of knowledge content for tests and demo data; they go through the services.

`build_*` create an item as `actor` (Center staff) and, with `publish=True`, take it through
review to published, so versions, audit events and the search index are exactly as in real use.
"""

from __future__ import annotations

from typing import Any

from oipa.core.taxonomy.models import Industry, Jurisdiction

from . import services
from .models import Bulletin, EditorialItem, Guide, TypicalCase


def publish(actor: Any, item: EditorialItem) -> EditorialItem:
    """Draft → in review → published, as `actor`."""
    services.submit_for_review(actor=actor, item=item)
    item.refresh_from_db()
    services.publish_item(actor=actor, item=item)
    item.refresh_from_db()
    return item


def build_case(*, actor: Any, publish_it: bool = True, **fields: Any) -> TypicalCase:
    """A typical case; `jurisdiction` and `industry` may be given as codes."""
    values: dict[str, Any] = {
        "title_zh": "示例案例",
        "title_en": "Sample case",
        "ip_type": "trademark",
        "dispute_type": "litigation",
        **fields,
    }
    values["jurisdiction"] = _jurisdiction(values.get("jurisdiction", "US"))
    if isinstance(values.get("industry"), str):
        values["industry"] = Industry.objects.get(code=values["industry"])
    item = services.create_item(actor=actor, model=TypicalCase, fields=values)
    return publish(actor, item) if publish_it else item  # type: ignore[return-value]


def build_guide(
    *,
    actor: Any,
    publish_it: bool = True,
    jurisdictions: tuple[str, ...] = (),
    industries: tuple[str, ...] = (),
    **fields: Any,
) -> Guide:
    """A guide tagged with jurisdiction and industry codes."""
    values = {"title_zh": "示例指引", "title_en": "Sample guide", **fields}
    item = services.create_item(
        actor=actor, model=Guide, fields=values, many=_many(jurisdictions, industries)
    )
    return publish(actor, item) if publish_it else item  # type: ignore[return-value]


def build_bulletin(
    *,
    actor: Any,
    publish_it: bool = True,
    jurisdictions: tuple[str, ...] = (),
    industries: tuple[str, ...] = (),
    **fields: Any,
) -> Bulletin:
    """A bulletin tagged with jurisdiction and industry codes."""
    values = {"title_zh": "示例快讯", "title_en": "Sample bulletin", **fields}
    item = services.create_item(
        actor=actor, model=Bulletin, fields=values, many=_many(jurisdictions, industries)
    )
    return publish(actor, item) if publish_it else item  # type: ignore[return-value]


def _jurisdiction(value: Any) -> Jurisdiction:
    return value if isinstance(value, Jurisdiction) else Jurisdiction.objects.get(code=value)


def _many(jurisdictions: tuple[str, ...], industries: tuple[str, ...]) -> dict[str, list]:
    return {
        "jurisdictions": list(Jurisdiction.objects.filter(code__in=jurisdictions)),
        "industries": list(Industry.objects.filter(code__in=industries)),
    }


def guide_pdf(title: str) -> bytes:
    """A one-page PDF with `title` (reportlab), for guide attachments in tests and the demo."""
    from io import BytesIO

    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 760, title[:90])
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
