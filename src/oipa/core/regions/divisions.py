"""Resolve GB/T 2260 administrative-division codes, current or retired, to named places.

A code resolves through three layers: the codes in force (NBS 2023 plus later creations), the
retired codes with their successors, and finally the province prefix alone. Only the province
prefix decides domicile: a county code missing from every table (development zones, registration
authority codes) still belongs to its province.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from stdnum.cn import uscc as stdnum_uscc

from .tables import Province, RetiredRow, current, history, level_of, provinces

#: The three Jing-Jin-Ji provinces by prefix, with their English names.
JJJ_PROVINCES: Mapping[str, str] = MappingProxyType(
    {"11": "Beijing", "12": "Tianjin", "13": "Hebei"}
)
BEIJING = "11"
# Grouping rows of the code table that name no place of their own.
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


@dataclass(frozen=True, slots=True)
class Division:
    """A resolved division code.

    `name` is the most specific name known: the county/district, else the city, else the
    province; for a retired code it is the historical name (e.g. 延庆县) while city_name and
    district_name are those of its successor today (延庆区). `known` is False for a code found
    in no table, whose province (and city, when the prefecture is known) come from its prefix.
    For the direct-administered municipalities the city is the municipality itself (北京市).
    """

    code: str
    name: str
    level: str
    province_code: str
    province_name: str
    city_name: str | None
    district_name: str | None
    retired: bool = False
    successor_code: str | None = None
    known: bool = True


def resolve_division(code: str) -> Division | None:
    """Resolve a six-digit division code; None when it is malformed or its province unknown."""
    code = code.strip()
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        return None
    return _resolve(code)


@lru_cache(maxsize=8192)
def _resolve(code: str) -> Division | None:
    province = provinces().get(code[:2])
    if province is None:
        return None
    row = current().get(code)
    if row is not None:
        return _division(code, row.name, province)
    retired = history().get(code)
    if retired is not None:
        return _retired(retired, province)
    return _division(code, None, province, known=False)


def _division(code: str, name: str | None, province: Province, *, known: bool = True) -> Division:
    """A division in force (name given) or an unknown one under a known province (name None)."""
    level = level_of(code)
    city = _city_name(code, province)
    district = name if level == "county" and name not in PLACEHOLDERS else None
    return Division(
        code=code,
        name=district or city or province.name_zh,
        level=level,
        province_code=province.code,
        province_name=province.name_zh,
        city_name=city,
        district_name=district,
        known=known,
    )


def _city_name(code: str, province: Province) -> str | None:
    """The prefecture-level name for a code: the municipality itself, else its prefecture."""
    if province.is_municipality:
        return province.name_zh
    if level_of(code) == "province":
        return None
    prefecture = current().get(code[:4] + "00") or history().get(code[:4] + "00")
    if prefecture is None or prefecture.name in PLACEHOLDERS:
        return None
    return prefecture.name


def _retired(row: RetiredRow, province: Province) -> Division:
    """A retired code named by history, placed by its successor's current names when known."""
    successor = next((c for c in row.successors if c in current()), None)
    place = _resolve(successor) if successor else None
    if place is None:
        place = _division(row.code, row.name, province)
    name = row.name if row.name not in PLACEHOLDERS else place.city_name or province.name_zh
    return Division(
        code=row.code,
        name=name,
        level=level_of(row.code),
        province_code=province.code,
        province_name=province.name_zh,
        city_name=place.city_name,
        district_name=place.district_name,
        retired=True,
        successor_code=successor,
    )


def province_code_of(value: str) -> str | None:
    """The two-digit province prefix of a USCC or a 2/4/6-digit division code, if well-formed.

    An 18-character value must be a valid USCC (check character included); spaces, hyphens and
    lower case and full-width characters are tolerated. Returns None for anything else.
    """
    compact = "".join(unicodedata.normalize("NFKC", value).split()).replace("-", "").upper()
    if len(compact) == 18:
        return compact[2:4] if stdnum_uscc.is_valid(compact) else None
    if len(compact) in (2, 4, 6) and compact.isascii() and compact.isdigit():
        return compact[:2]
    return None


def province_of(code: str) -> Province | None:
    """The province of a USCC or division code (see province_code_of), None when unknown."""
    prefix = province_code_of(code)
    return provinces().get(prefix) if prefix else None


def jjj_province(code: str) -> str | None:
    """ "11", "12" or "13" when a USCC or division code is in Beijing, Tianjin or Hebei."""
    prefix = province_code_of(code)
    return prefix if prefix in JJJ_PROVINCES else None


def is_beijing_domicile(uscc_or_division_code: str) -> bool:
    """True when a valid USCC or a division code has the Beijing prefix 11.

    Only the province prefix counts, so an unknown or retired Beijing county code is still a
    Beijing domicile; an invalid USCC is never one.
    """
    return province_code_of(uscc_or_division_code) == BEIJING
