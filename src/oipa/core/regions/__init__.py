"""Administrative divisions (GB/T 2260 with history) and unified social credit codes (USCC).

Pure Python over shipped TSV tables (oipa/core/data/divisions, see BUILD.md there); no models.
"""

from .divisions import (
    JJJ_PROVINCES,
    Division,
    is_beijing_domicile,
    jjj_province,
    province_code_of,
    province_of,
    resolve_division,
)
from .lookup import beijing_districts, division_label, find_district, find_districts
from .tables import Province
from .uscc import Uscc, normalize_uscc, parse_uscc

__all__ = [
    "JJJ_PROVINCES",
    "Division",
    "Province",
    "Uscc",
    "beijing_districts",
    "division_label",
    "find_district",
    "find_districts",
    "is_beijing_domicile",
    "jjj_province",
    "normalize_uscc",
    "parse_uscc",
    "province_code_of",
    "province_of",
    "resolve_division",
]
