"""Expand an enterprise's registered names into the aliases the index compares.

A Chinese name gives its Chinese key, its pinyin with and without spaces ("xiao mi", "xiaomi") and
generated English forms ("Beijing Xiaomi Technology Co., Ltd.", "Xiaomi Technology (Beijing)
Co., Ltd."), because many enterprises register only their Chinese name while foreign dockets use
an English one. Brand, store, seller-ID and domain names also give an identifier matched exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from pypinyin import lazy_pinyin

from .normalize import NormalName, identifier, normalize
from .words import lexicon

#: Kinds of names an enterprise can register (see `EnterpriseRecord.kind_of_names`).
KINDS = ("legal", "former", "english", "brand", "store", "seller_id", "domain")
IDENTIFIER_KINDS = frozenset({"brand", "store", "seller_id", "domain"})
NAME_KINDS = frozenset({"legal", "former", "english", "brand", "store"})

NAME = "name"
PINYIN = "pinyin"
ENGLISH_FORM = "english_form"


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


def pinyin_of(cjk: str) -> list[str]:
    """Toneless pinyin syllables of a Chinese text ("小米" -> ["xiao", "mi"])."""
    return [s for s in lazy_pinyin(cjk) if s.isascii() and s.isalnum()]


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
    syllables = pinyin_of(normal.cjk)
    if not syllables:
        return aliases
    tokens = list(normal.tokens)
    joined = " ".join(sorted(tokens + ["".join(syllables)]))
    spaced = " ".join(sorted(tokens + syllables))
    aliases.append(_alias(" ".join(syllables), kind, PINYIN, spaced, normal))
    aliases.append(_alias("".join(syllables), kind, PINYIN, joined, normal))
    if len(syllables) == 4 == len(normal.cjk):
        # Four characters are usually two words, and dockets write them so ("Yuanliu Hongyuan").
        words = ["".join(syllables[:2]), "".join(syllables[2:])]
        paired = " ".join(sorted(tokens + words))
        aliases.append(_alias(" ".join(w.title() for w in words), kind, PINYIN, paired, normal))
    forms = english_forms(text)
    aliases.append(_alias(forms[-1], kind, ENGLISH_FORM, joined, normal))
    return aliases


def identifier_of(text: str, kind: str) -> str:
    """The exact-match identifier a brand, store, seller ID or domain contributes, or ""."""
    return identifier(text) if kind in IDENTIFIER_KINDS else ""
