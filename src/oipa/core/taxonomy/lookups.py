"""Reads of the reference taxonomies: choice lists and IPC symbol handling.

IPC symbols and Nice labels change only when the loader runs, so they are cached per process and
the loader clears the caches; an empty table is never cached (the data may not be loaded yet).
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .choices import IPCLevel, JurisdictionKind
from .models import IPCEntry, Jurisdiction, NiceClass

NICE_LABEL_CHARS = 60

# Accepts "H", "H04", "H04W", "H04W 4/00", "H04W4/005" and WIPO's 14-character "H04W0004000000",
# optionally followed by an edition "(2009.01)" as printed on patent documents.
_IPC_RE = re.compile(
    r"^(?P<section>[A-Z])"
    r"(?:(?P<cls>\d{2})(?:(?P<sub>[A-Z])(?:\d{1,4}(?:/\d{1,6})?|\d{10})?)?)?"
    r"(?:\(\d{4}\.\d{2}\))?$"
)

_cache: dict[str, Any] = {}


def clear_caches() -> None:
    """Forget cached symbols and labels; the loader calls this after every sync."""
    _cache.clear()


def jurisdiction_choices() -> list[tuple[str, str]]:
    """(code, title) of active jurisdictions: offices first, then countries by ISO code.

    Not cached: administrators may deactivate a jurisdiction at any time.
    """
    kind_order: dict[str, int] = {
        JurisdictionKind.INTERNATIONAL_OFFICE: 0,
        JurisdictionKind.REGIONAL_OFFICE: 1,
        JurisdictionKind.COUNTRY: 2,
    }
    rows = Jurisdiction.objects.filter(is_active=True).only("code", "kind", "title_en", "title_zh")
    ordered = sorted(rows, key=lambda j: (kind_order.get(j.kind, 3), j.code))
    return [(j.code, j.title) for j in ordered]


def nice_choices() -> list[tuple[int, str]]:
    """(number, "Class 9: Scientific…") for the 45 Nice classes, in the active language."""
    key = f"nice:{get_language()}"
    if key not in _cache:
        choices = [
            (nice.number, _nice_label(nice.number, nice.title)) for nice in NiceClass.objects.all()
        ]
        if not choices:
            return []
        _cache[key] = choices
    return list(_cache[key])


def _nice_label(number: int, title: str) -> str:
    short = Truncator(title).chars(NICE_LABEL_CHARS)
    return _("Class %(number)d: %(title)s") % {"number": number, "title": short}


def normalize_ipc(symbol: str) -> str:
    """The longest known IPC section/class/subclass that `symbol` starts with.

    "H04W 4/00", "h04w" and "H04W0004000000" all give "H04W"; an unknown subclass of a known
    class gives the class. Raises a localized ValidationError for anything that is not an IPC
    symbol or whose section is unknown.
    """
    compact = re.sub(r"\s+", "", str(symbol)).upper()
    match = _IPC_RE.match(compact)
    known = _ipc_symbols()
    if match:
        section, cls, sub = match.group("section", "cls", "sub")
        prefixes = [section, section + (cls or ""), section + (cls or "") + (sub or "")]
        for prefix in reversed(prefixes):
            if prefix in known:
                return prefix
    raise ValidationError(
        _("“%(value)s” is not a valid IPC symbol."), code="invalid_ipc", params={"value": symbol}
    )


def ipc_ancestors(symbol: str) -> list[str]:
    """The normalized symbol and its ancestors, top first: "H04W" → ["H", "H04", "H04W"]."""
    normalized = normalize_ipc(symbol)
    return [normalized[:length] for length in (1, 3, 4) if length <= len(normalized)]


def ipc_level(symbol: str) -> IPCLevel:
    """The level (section, class or subclass) of the normalized symbol."""
    levels = {1: IPCLevel.SECTION, 3: IPCLevel.CLASS, 4: IPCLevel.SUBCLASS}
    return levels[len(normalize_ipc(symbol))]


def _ipc_symbols() -> frozenset[str]:
    if "ipc" not in _cache:
        symbols = frozenset(IPCEntry.objects.values_list("symbol", flat=True))
        if not symbols:
            return symbols
        _cache["ipc"] = symbols
    return _cache["ipc"]
