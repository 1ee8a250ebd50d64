"""Normalize a name into its distinctive part plus the words that say little about identity.

"深圳市万普拔克科技有限公司" and "OnePlus Technology (Shenzhen) Co., Ltd." both become a
`NormalName` whose distinctive part ("万普拔克" / "oneplus") is what gets compared, while the
place ("shenzhen"), trade ("technology") and legal form are kept aside: places and trades only
lower a score when two names state different ones; legal forms are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import zhconv
from rapidfuzz import fuzz

from .words import COUNTRY, GENERIC, INDUSTRY, LEGAL, PLACE, STOP_WORDS, Lexicon, lexicon

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAS_CJK = re.compile(f"[{CJK}]")
_TOKEN = re.compile(f"[{CJK}]+|[a-z0-9]+")
_ID_JUNK = re.compile(f"[^a-z0-9{CJK}]+")
_MARK = unicodedata.combining
_URL_HEAD = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\d?\.)?")


@dataclass(frozen=True, slots=True)
class NormalName:
    """A name taken apart: distinctive Latin tokens and Chinese part, trades, places.

    `generic` is true when nothing distinctive is left ("China Electronics Co."); the trade and
    place words then stand in as `tokens`, and scores against such a name are capped.
    """

    tokens: tuple[str, ...]
    cjk: str
    words: tuple[str, ...]  # canonical industry and generic words, in order of appearance
    trades: frozenset[str]  # the industry words among them (not group/holdings/trading...)
    places: tuple[str, ...]
    generic: bool
    stated_places: frozenset[str]  # most specific places, the country left out
    place_closure: frozenset[str]  # those and their provinces

    @property
    def key(self) -> str:
        """The string the scorer compares: Chinese part, then the sorted Latin tokens."""
        latin = " ".join(sorted(self.tokens))
        if self.cjk:
            return f"{self.cjk} {latin}" if latin else self.cjk
        return latin


def fold(text: str) -> str:
    """Full-width to half-width (NFKC), traditional to simplified Chinese, lower case."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        # Accents off Latin letters ("Société" is written "Societe" on many dockets).
        decomposed = unicodedata.normalize("NFKD", text)
        text = unicodedata.normalize("NFC", "".join(c for c in decomposed if not _MARK(c)))
    if _HAS_CJK.search(text):
        text = zhconv.convert(text, "zh-cn")
    return text.lower()


def identifier(text: str) -> str:
    """The exact-match form of a store name, seller ID or domain: folded, no scheme, "www.",
    path, spaces or punctuation ("https://www.Mi.com/" and "MI.COM" are both "micom")."""
    text = _URL_HEAD.sub("", fold(text).strip())
    if "/" in text and "." in text.split("/", 1)[0]:
        text = text.split("/", 1)[0]
    return _ID_JUNK.sub("", text)


@lru_cache(maxsize=4096)
def place_sets(places: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The most specific of the places (a province named with one of its cities is left out;
    so is the country), and those places with their provinces."""
    province = lexicon().province
    named = {p for p in places if p != COUNTRY}
    parents = {province[p] for p in named if p in province}
    return frozenset(named - parents), frozenset(named | parents)


def places_conflict(
    a: frozenset[str], a_closure: frozenset[str], b: frozenset[str], b_closure: frozenset[str]
) -> bool:
    """Two names state places and neither lies within the other's (Suzhou is within Jiangsu)."""
    return bool(a and b) and not (a & b_closure) and not (b & a_closure)


#: Same distinctive part, different trades ("Xiaomi Technology" / "Xiaomi Pharmaceutical").
TRADE_PENALTY = 15.0
#: Same distinctive part, different places. Chinese names are unique only within the region that
#: registered them, so this pushes such a pair from an alert into review.
PLACE_PENALTY = 10.0
#: Words shared by unrelated trades ("New Material", "New Energy").
_TRADE_FILLER = frozenset({"new", "and", "of"})


@lru_cache(maxsize=65_536)
def trade_words(trades: frozenset[str]) -> frozenset[str]:
    """The words of trade names: "Electric" and "Electric Appliance" are not different trades."""
    return frozenset(w for trade in trades for w in trade.split() if w not in _TRADE_FILLER)


class _Parts:
    """Collects the pieces of one name while it is read left to right."""

    def __init__(self) -> None:
        self.tokens: list[str] = []
        self.cjk: list[str] = []
        self.words: list[str] = []
        self.trades: set[str] = set()
        self.places: list[str] = []

    def add(self, cls: str, canonical: str) -> None:
        if cls == PLACE and canonical not in self.places:
            self.places.append(canonical)
        elif cls in (INDUSTRY, GENERIC) and canonical not in self.words:
            self.words.append(canonical)
            if cls == INDUSTRY:
                self.trades.add(canonical)

    def result(self) -> NormalName:
        tokens, cjk, generic = tuple(self.tokens), "".join(self.cjk), False
        if not tokens and not cjk:
            generic = True
            stand_in = [p for p in self.places if p != COUNTRY] + self.words
            tokens = tuple(t for word in stand_in for t in word.split())
        places = tuple(self.places)
        stated, closure = place_sets(places)
        return NormalName(
            tokens,
            cjk,
            tuple(self.words),
            frozenset(self.trades),
            places,
            generic,
            stated,
            closure,
        )


def _read_cjk(run: str, lex: Lexicon, parts: _Parts) -> None:
    """Places come off the front; legal forms, trades and places off the back, repeatedly."""
    start, end = 0, len(run)
    while start < end:
        word = _longest(run, start, end, lex, front=True)
        if word is None or word[1].cls != PLACE:
            break
        start += word[0]
        parts.add(word[1].cls, word[1].canonical)
    tail = []
    while start < end:
        word = _longest(run, start, end, lex, front=False)
        if word is None:
            break
        end -= word[0]
        tail.append(word[1])
    for word in reversed(tail):
        parts.add(word.cls, word.canonical)
    if start < end:
        parts.cjk.append(run[start:end])


def _longest(run: str, start: int, end: int, lex: Lexicon, *, front: bool):
    for size in range(min(lex.zh_max, end - start), 0, -1):
        text = run[start : start + size] if front else run[end - size : end]
        word = lex.zh.get(text)
        if word is not None:
            return size, word
    return None


def _read_latin(tokens: list[str], lex: Lexicon, parts: _Parts) -> None:
    """Longest known phrase first, so "science and technology" wins over "and"."""
    i = 0
    while i < len(tokens):
        longest = lex.en_first.get(tokens[i], 0)  # no known phrase starts here: 0
        for size in range(min(longest, len(tokens) - i), 0, -1):
            word = lex.en.get(tuple(tokens[i : i + size]))
            if word is not None:
                if word.cls != LEGAL:
                    parts.add(word.cls, word.canonical)
                i += size
                break
        else:
            word = _misspelt(tokens[i], lex)
            if word is not None:
                parts.add(word.cls, word.canonical)
            elif tokens[i] not in STOP_WORDS:
                parts.tokens.append(tokens[i])
            i += 1


def _misspelt(token: str, lex: Lexicon):
    """A long word one slip away from a known one ("Applicance"): dockets misspell them too."""
    found = _misspelt_word(token) if len(token) >= 7 and not token.isdigit() else ""
    return lex.en[(found,)] if found else None


@lru_cache(maxsize=65_536)
def _misspelt_word(token: str) -> str:
    """The known long word within one deletion of `token` on either side (a slip: a letter
    missing, added, changed or two swapped) and at `fuzz.ratio` >= 88 of it, or ""."""
    near = _long_word_variants()
    found = {w for variant in _deletions(token) for w in near.get(variant, ())}
    best = max(sorted(found), key=lambda w: fuzz.ratio(token, w), default="")
    return best if best and fuzz.ratio(token, best) >= 88 else ""


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


@lru_cache(maxsize=1)
def _long_word_variants() -> dict[str, list[str]]:
    lex = lexicon()
    near: dict[str, list[str]] = {}
    for tokens, word in lex.en.items():
        if len(tokens) == 1 and len(tokens[0]) >= 7 and word.cls != PLACE:
            for variant in _deletions(tokens[0]):
                near.setdefault(variant, []).append(tokens[0])
    return near


@lru_cache(maxsize=65_536)  # a name is read several times in a row while it is expanded
def normalize(text: str) -> NormalName:
    """Take a party or enterprise name apart (see `NormalName`)."""
    lex = lexicon()
    folded = fold(text).replace("&", " and ").replace("'", "").replace("\u2019", "")
    parts = _Parts()
    latin: list[str] = []
    for run in _TOKEN.findall(folded):
        if run[0].isascii():
            latin.append(run)
            continue
        _read_latin(latin, lex, parts)
        latin = []
        _read_cjk(run, lex, parts)
    _read_latin(latin, lex, parts)
    return parts.result()
