"""Find divisions by name (Chinese, pinyin or English) and render them as labels.

English names are shipped for Beijing, Tianjin and Hebei (the JJJ region the platform serves);
elsewhere the English label falls back to the Chinese names, and only Chinese names are searchable.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import cache

from django.utils.translation import get_language

from .divisions import Division, resolve_division
from .tables import current, provinces

ZH_SUFFIXES = ("自治县", "新区", "矿区", "区", "县", "市")
EN_SUFFIXES = {"区": "qu", "县": "xian", "市": "shi"}
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def beijing_districts() -> list[Division]:
    """Beijing's 16 current districts, in code order (东城区 110101 ... 延庆区 110119)."""
    codes = sorted(c for c, row in current().items() if c[:4] == "1101" and row.level == "county")
    return [d for d in map(resolve_division, codes) if d is not None]


def find_districts(name: str, province_code: str | None = "11") -> list[Division]:
    """Current county-level divisions matching a name, in code order.

    Chinese names match with or without their suffix and an optional province prefix
    ("朝阳区", "朝阳", "北京市朝阳区"); pinyin/English names match case-insensitively where an
    English name is shipped ("Chaoyang", "chaoyang district", "Haidian Qu"). An exact full
    name wins over a bare-stem match. `province_code=None` searches every province.
    """
    scope = [province_code] if province_code else sorted(provinces())
    key = _fold(name)
    if not key:
        return []
    for exact in (True, False):
        codes = {c for p in scope for c in _lookup(_index(p, exact), key, p)}
        if codes:
            return [d for d in map(resolve_division, sorted(codes)) if d is not None]
    return []


def find_district(name: str, province_code: str | None = "11") -> Division | None:
    """The one current district matching a name (see find_districts); None if none or ambiguous."""
    found = find_districts(name, province_code)
    return found[0] if len(found) == 1 else None


def division_label(division: Division, lang: str | None = None) -> str:
    """Human label: "北京市 朝阳区" in Chinese, "Chaoyang District, Beijing" otherwise.

    `lang` defaults to the active Django language. A retired code is labelled by its successor's
    current names; names without a shipped English form stay in Chinese in the English label.
    """
    lang = (lang or get_language() or "zh-hans").lower()
    if lang.startswith("zh"):
        parts = [division.province_name, division.city_name, division.district_name]
        return " ".join(dict.fromkeys(p for p in parts if p))
    return ", ".join(dict.fromkeys(_english_parts(division)))


def _english_parts(division: Division) -> list[str]:
    province = provinces()[division.province_code]
    code = division.successor_code or division.code
    rows = current()
    parts = []
    if division.district_name:
        row = rows.get(code)
        parts.append(row.name_en if row and row.name_en else division.district_name)
    if division.city_name and not province.is_municipality:
        row = rows.get(code[:4] + "00")
        parts.append(row.name_en if row and row.name_en else division.city_name)
    parts.append(province.name_en)
    return parts


def _fold(text: str) -> str:
    """Comparable form: NFKC, no spaces; Latin text lower-cased with only letters and digits."""
    text = "".join(unicodedata.normalize("NFKC", text).split())
    return text if _HAN.search(text) else _NOT_ALNUM.sub("", text.lower())


def _lookup(index: dict[str, tuple[str, ...]], key: str, province_code: str) -> tuple[str, ...]:
    """Codes for a key, else for the key without a leading province name."""
    return index.get(key) or index.get(_strip_province(key, province_code), ())


def _strip_province(key: str, province_code: str) -> str:
    """Drop a leading province name ("北京市", "北京", "beijing") from a folded query."""
    province = provinces()[province_code]
    for prefix in (province.name_zh, province.short_zh, _fold(province.name_en)):
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


@cache
def _index(province_code: str, exact: bool) -> dict[str, tuple[str, ...]]:
    """Folded name -> codes of a province's current counties; full names or stems."""
    index: dict[str, set[str]] = defaultdict(set)
    for code, row in current().items():
        if code[:2] != province_code or row.level != "county" or row.name == "市辖区":
            continue
        for key in _keys(row.name, row.name_en, code, exact):
            index[key].add(code)
    return {key: tuple(codes) for key, codes in index.items()}


def _keys(name: str, name_en: str, code: str, exact: bool) -> set[str]:
    """Search keys of one division: full Chinese/English names, or their stems."""
    if exact:
        return {name, _fold(name_en)} - {""}
    suffix = next((s for s in ZH_SUFFIXES if name.endswith(s) and len(name) > len(s)), "")
    keys = {name[: -len(suffix)]} if suffix else set()
    is_zone = code[4] == "7"  # NBS development zones: searchable by full name only
    if name_en and not is_zone:
        stem = _fold(name_en.split()[0])
        keys |= {stem, stem + EN_SUFFIXES.get(name[-1], "")}
    return keys
