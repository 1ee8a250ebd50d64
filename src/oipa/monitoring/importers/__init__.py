"""One importer module per source format; `importer_for(kind)` picks it.

Each module has `read(data, *, options) -> Iterator[Item]` (see `base`) and, when the source can
be fetched from a URL, `fetch(source, *, transport=None) -> bytes`.
"""

from __future__ import annotations

from types import ModuleType

from ..models import SourceKind
from . import courtlistener, itc337, pacer_rss, spreadsheet

IMPORTERS: dict[str, ModuleType] = {
    SourceKind.COURTLISTENER: courtlistener,
    SourceKind.PACER_RSS: pacer_rss,
    SourceKind.ITC337: itc337,
    SourceKind.SPREADSHEET: spreadsheet,
}


def importer_for(kind: str) -> ModuleType:
    """The importer module of a source kind; KeyError for an unknown kind."""
    return IMPORTERS[kind]
