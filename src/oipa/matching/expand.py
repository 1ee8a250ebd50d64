"""Expand an enterprise's registered names into the aliases the index compares.

A Chinese name gives its Chinese key, its pinyin with and without spaces ("xiao mi", "xiaomi") and
generated English forms ("Beijing Xiaomi Technology Co., Ltd.", "Xiaomi Technology (Beijing)
Co., Ltd."), because many enterprises register only their Chinese name while foreign dockets use
an English one; also the other reading of a polyphone, the pinyin of the first two characters
(the brand, when the rest is a trade the tables do not know) and an English form with learned
words translated ("北方华锦" -> "North Huajin"). Brand, store, seller-ID and domain names also
give an identifier matched exactly.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin

from .normalize import NormalName, identifier, normalize
from .words import lexicon

#: Kinds of names an enterprise can register (see `EnterpriseRecord.kind_of_names`).
KINDS = ("legal", "former", "english", "brand", "store", "seller_id", "domain")
IDENTIFIER_KINDS = frozenset({"brand", "store", "seller_id", "domain"})
NAME_KINDS = frozenset({"legal", "former", "english", "brand", "store"})

NAME = "name"
PINYIN = "pinyin"
ENGLISH_FORM = "english_form"
#: The pinyin of the first two characters of a four- or five-character distinctive part, which
#: is usually a brand and a trade the word tables do not know ("洪城" of "洪城水业").
HEAD = "head"


@dataclass(frozen=True, slots=True)
class Alias:
    """One string the engine compares, and what to say when it matches.

    `text` is shown to people (the registered name, or the generated pinyin or English form);
    `key` is what the scorer reads; `origin` tells a registered name from a generated one.
    """

    text: str
    kind: str
    origin: str
    key: str
    trades: frozenset[str]
    places: frozenset[str]
    place_closure: frozenset[str]
    generic: bool


#: At most this many other readings of a name with polyphones ("长海": zhanghai, changhai).
POLYPHONE_VARIANTS = 2
#: Longest Chinese run looked up among learned translations.
LONGEST_TRANSLATION = 4


def pinyin_of(cjk: str) -> list[str]:
    """Toneless pinyin syllables of a Chinese text ("小米" -> ["xiao", "mi"])."""
    return list(_pinyin(cjk))


@lru_cache(maxsize=131_072)
def _pinyin(cjk: str) -> tuple[str, ...]:
    spelt = []
    for char in cjk:
        found = readings(char)
        if len(found) != 1:
            # A polyphone (or no reading): pypinyin reads it in context ("银行": hang).
            return tuple(s for s in lazy_pinyin(cjk) if s.isascii() and s.isalnum())
        spelt.append(found[0])
    return tuple(spelt)


@lru_cache(maxsize=65_536)
def readings(char: str) -> tuple[str, ...]:
    """Toneless readings of one character, most common first (polyphones have several)."""
    found = pinyin(char, style=Style.NORMAL, heteronym=True)
    return tuple(r for r in found[0] if r.isascii() and r.isalpha()) if found else ()


def pinyin_variants(cjk: str) -> list[list[str]]:
    """Other spellings of a name with polyphones, one character read its second way at a
    time: dockets copy the reading the company chose ("长海" -> Changhai, not Zhanghai)."""
    base = pinyin_of(cjk)
    if len(base) != len(cjk):
        return []
    out: list[list[str]] = []
    for i, char in enumerate(cjk):
        for reading in readings(char)[:2]:
            if reading != base[i] and len(out) < POLYPHONE_VARIANTS:
                out.append([*base[:i], reading, *base[i + 1 :]])
    return out


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable ("ü" written "v"), from pypinyin's dictionary."""
    from pypinyin.pinyin_dict import pinyin_dict

    found = set()
    for readings_ in pinyin_dict.values():
        for reading in readings_.split(","):
            bare = unicodedata.normalize("NFD", reading)
            bare = "".join(c for c in bare if not unicodedata.combining(c)).replace("ü", "v")
            if bare.isascii() and bare.isalpha():
                found.add(bare)
    return frozenset(found)


@lru_cache(maxsize=65_536)
def is_pinyin(token: str) -> bool:
    """Whether a Latin token reads as pinyin syllables run together ("hongcheng": yes,
    "waterworks": no)."""
    known, ends = syllables(), {0}
    for end in range(1, len(token) + 1):
        if any(
            start in ends and token[start:end] in known for start in range(max(0, end - 6), end)
        ):
            ends.add(end)
    return len(token) in ends and bool(token)


def translated(cjk: str) -> list[str]:
    """Words of a name with its learned translations in English and the rest in pinyin
    ("北方华锦" -> ["north", "huajin"]); empty when no part of it has a translation."""
    known = lexicon().translations
    words: list[str] = []
    pending, found, i = "", False, 0
    while i < len(cjk):
        for size in range(min(LONGEST_TRANSLATION, len(cjk) - i), 0, -1):
            english = known.get(cjk[i : i + size])
            if english is not None:
                if pending:
                    words.append("".join(pinyin_of(pending)))
                words.extend(english.split())
                pending, found, i = "", True, i + size
                break
        else:
            pending += cjk[i]
            i += 1
    if pending:
        words.append("".join(pinyin_of(pending)))
    return [w for w in words if w] if found else []


def _title(token: str) -> str:
    return token.upper() if len(token) <= 3 else token.capitalize()


def english_forms(name: str) -> list[str]:
    """English renderings of a Chinese name as foreign dockets write them.

    Pinyin of the distinctive part, translated trade words and "Co., Ltd.", with the city
    leading and in parentheses: 北京小米科技有限责任公司 -> "Xiaomi Technology Co., Ltd.",
    "Beijing Xiaomi Technology Co., Ltd.", "Xiaomi Technology (Beijing) Co., Ltd.".
    """
    normal = normalize(name)
    if not normal.cjk:
        return []
    lex = lexicon()
    head = " ".join([_title(t) for t in normal.tokens] + ["".join(pinyin_of(normal.cjk)).title()])
    body = " ".join([head] + [lex.display.get(w, w.title()) for w in normal.words])
    forms = [f"{body} Co., Ltd."]
    for place in sorted(normal.stated_places)[:1]:
        city = lex.place_display.get(place, place.title())
        forms += [f"{city} {body} Co., Ltd.", f"{body} ({city}) Co., Ltd."]
    return forms


def _alias(text: str, kind: str, origin: str, key: str, normal: NormalName) -> Alias:
    return Alias(
        text,
        kind,
        origin,
        key,
        normal.trades,
        normal.stated_places,
        normal.place_closure,
        normal.generic,
    )


def _latin_variants(tokens: list[str]) -> list[str]:
    """Sorted tokens, and the same run together when a name has two or three of them."""
    spaced = " ".join(sorted(tokens))
    if 2 <= len(tokens) <= 3:
        return [spaced, "".join(tokens)]
    return [spaced]


def name_aliases(text: str, kind: str) -> list[Alias]:
    """The aliases one registered name contributes (empty for seller IDs and domains)."""
    if kind not in NAME_KINDS:
        return []
    normal = normalize(text)
    if not normal.key:
        return []
    aliases = [_alias(text, kind, NAME, normal.key, normal)]
    if not normal.cjk:
        aliases += [
            _alias(text, kind, NAME, k, normal) for k in _latin_variants(list(normal.tokens))[1:]
        ]
        return aliases
    spelt = pinyin_of(normal.cjk)
    if not spelt:
        return aliases
    tokens = list(normal.tokens)
    joined = " ".join(sorted(tokens + ["".join(spelt)]))
    spaced = " ".join(sorted(tokens + spelt))
    aliases.append(_alias(" ".join(spelt), kind, PINYIN, spaced, normal))
    aliases.append(_alias("".join(spelt), kind, PINYIN, joined, normal))
    if len(spelt) == 4 == len(normal.cjk):
        # Four characters are usually two words, and dockets write them so ("Yuanliu Hongyuan").
        words = ["".join(spelt[:2]), "".join(spelt[2:])]
        paired = " ".join(sorted(tokens + words))
        aliases.append(_alias(" ".join(w.title() for w in words), kind, PINYIN, paired, normal))
    if len(normal.cjk) in (4, 5) and len(spelt) == len(normal.cjk):
        head = "".join(spelt[:2])
        aliases.append(_alias(head.title(), kind, HEAD, " ".join(sorted(tokens + [head])), normal))
    for variant in ("".join(v) for v in pinyin_variants(normal.cjk)):
        key = " ".join(sorted(tokens + [variant]))
        aliases.append(_alias(variant, kind, PINYIN, key, normal))
    forms = english_forms(text)
    aliases.append(_alias(forms[-1], kind, ENGLISH_FORM, joined, normal))
    words = translated(normal.cjk)
    if words:
        display = " ".join([_title(w) for w in words] + _trade_display(normal)) + " Co., Ltd."
        key = " ".join(sorted(tokens + words))
        aliases.append(_alias(display, kind, ENGLISH_FORM, key, normal))
    return aliases


def _trade_display(normal: NormalName) -> list[str]:
    lex = lexicon()
    return [lex.display.get(w, w.title()) for w in normal.words]


def identifier_of(text: str, kind: str) -> str:
    """The exact-match identifier a brand, store, seller ID or domain contributes, or ""."""
    return identifier(text) if kind in IDENTIFIER_KINDS else ""
