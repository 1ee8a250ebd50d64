"""Template filters of the information service: sanitized rich text."""

from __future__ import annotations

import nh3
from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a",
    "h2", "h3", "h4", "blockquote", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}


@register.filter
def richtext(value: str) -> SafeString:
    """Editor-entered HTML reduced by nh3 to a small safe set (links get rel=noopener)."""
    cleaned = nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitized by nh3 just above


@register.filter
def localized(item, field: str) -> str:
    """`item.<field>_zh` or `item.<field>_en` for the active language, else the other one."""
    from django.utils.translation import get_language

    zh, en = getattr(item, f"{field}_zh", ""), getattr(item, f"{field}_en", "")
    if (get_language() or "").lower().startswith("zh"):
        return zh or en
    return en or zh


@register.filter
def pick(entry: dict, field: str) -> str:
    """The zh or en value of a structured-list entry (offices, courts, stages)."""
    from django.utils.translation import get_language

    zh = (get_language() or "").lower().startswith("zh")
    first, second = (f"{field}_zh", f"{field}_en") if zh else (f"{field}_en", f"{field}_zh")
    return entry.get(first) or entry.get(second) or ""


@register.filter
def kind_label(kind: str) -> str:
    """The translated name of a search document kind ("case" → "Typical cases")."""
    from ..forms import KIND_LABELS

    return str(KIND_LABELS.get(kind, kind))
