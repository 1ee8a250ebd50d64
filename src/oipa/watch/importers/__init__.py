"""Gazette importers, one module per format: `uspto_xml` (USPTO trademark-applications-daily XML)
and `spreadsheet` (the documented CSV/Excel template for EUIPO, UKIPO and WIPO Madrid).

Each module has `read(stream) -> Iterator[Item]`, yielding for every record its position and
either a `PublicationRecord` or a `RecordError`; a file that cannot be read at all raises
`ImportFileError`.
"""

from .base import FORMATS, ImportFileError, PublicationRecord, RecordError, reader_for

__all__ = ["FORMATS", "ImportFileError", "PublicationRecord", "RecordError", "reader_for"]
