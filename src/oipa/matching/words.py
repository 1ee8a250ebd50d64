"""Word tables shipped in `data/`: legal forms, places and industry words, in Chinese and English.

`lexicon()` reads them once. Latin phrases are keyed by their token tuples (after the same
lower-casing and punctuation handling that `normalize` applies), so "Co., Ltd." and "co ltd" are
the same entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

LEGAL = "legal"
PLACE = "place"
INDUSTRY = "industry"
GENERIC = "generic"

#: Words that carry no identity in a Latin name once phrases containing them were matched.
STOP_WORDS = frozenset({"and", "the", "of", "de", "du"})

#: The country itself says nothing about which enterprise is meant.
COUNTRY = "china"


@dataclass(frozen=True, slots=True)
class Word:
    """A recognised word: its class and its canonical Latin key (e.g. "technology")."""

    cls: str
    canonical: str


@dataclass
class Lexicon:
    """Chinese words (by text) and Latin phrases (by token tuple) with their classes."""

    zh: dict[str, Word] = field(default_factory=dict)
    en: dict[tuple[str, ...], Word] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)  # canonical -> English display form
    place_display: dict[str, str] = field(default_factory=dict)
    province: dict[str, str] = field(default_factory=dict)  # city -> its province (canonical)
    translations: dict[str, str] = field(default_factory=dict)  # Chinese run -> English words
    zh_max: int = 1
    en_max: int = 1
    en_first: dict[str, int] = field(default_factory=dict)  # first token -> longest phrase


def latin_tokens(text: str) -> tuple[str, ...]:
    """Lower-case Latin tokens of a phrase, punctuation dropped, "&" read as "and"."""
    text = text.lower().replace("&", " and ").replace("'", "").replace("\u2019", "")
    return tuple(re.findall(r"[a-z0-9]+", text))


def _rows(name: str):
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _add_en(lex: Lexicon, phrase: str, word: Word) -> None:
    tokens = latin_tokens(phrase)
    if tokens:
        lex.en.setdefault(tokens, word)
        lex.en_max = max(lex.en_max, len(tokens))
        lex.en_first[tokens[0]] = max(lex.en_first.get(tokens[0], 0), len(tokens))


def _add_zh(lex: Lexicon, text: str, word: Word) -> None:
    lex.zh.setdefault(text, word)
    lex.zh_max = max(lex.zh_max, len(text))


def _load_places(lex: Lexicon) -> None:
    for zh, latin, *province in _rows("places.tsv"):
        spellings = [s.strip() for s in latin.split(",")]
        canonical = " ".join(latin_tokens(spellings[0]))
        word = Word(PLACE, canonical)
        lex.place_display[canonical] = spellings[0]
        if province:
            lex.province[canonical] = lex.zh[province[0]].canonical
        for text in (zh, zh + "市", zh + "省", zh + "区"):
            _add_zh(lex, text, word)
        for spelling in spellings:
            _add_en(lex, spelling, word)
            _add_en(lex, spelling.replace(" ", ""), word)


def _load_legal(lex: Lexicon) -> None:
    for lang, text in _rows("legal_forms.txt"):
        if lang == "zh":
            _add_zh(lex, text, Word(LEGAL, ""))
        else:
            _add_en(lex, text, Word(LEGAL, ""))


def _load_industry(lex: Lexicon) -> None:
    for zh_words, display, more, cls in _rows("industry.tsv"):
        canonical = " ".join(latin_tokens(display))
        word = Word(cls, canonical)
        lex.display[canonical] = display
        for text in zh_words.split(","):
            _add_zh(lex, text, word)
        _add_en(lex, display, word)
        for spelling in more.split(","):
            _add_en(lex, spelling, word)


def _load_learned(lex: Lexicon) -> None:
    """Renderings learned from name pairs (see `oipa.matching.learn`): trades join the
    industry words (under the canonical word of their English, if it is known already);
    other words are translations used in generated English forms."""
    for run, english, cls, _count in _rows("learned.tsv"):
        tokens = latin_tokens(english)
        while tokens and tokens[0] in STOP_WORDS:
            tokens = tokens[1:]
        if not tokens or run in lex.zh:
            continue
        if cls == "word":
            lex.translations[run] = " ".join(tokens)
            continue
        word = lex.en.get(tokens)
        if word is None or word.cls not in (INDUSTRY, GENERIC):
            word = Word(INDUSTRY, " ".join(tokens))
            lex.display.setdefault(word.canonical, english.title())
            _add_en(lex, " ".join(tokens), word)
        _add_zh(lex, run, word)


@lru_cache(maxsize=2)
def lexicon(learned: bool = True) -> Lexicon:
    """The shipped tables, read once per process (`learned=False`: without learned.tsv, the
    tables that `oipa.matching.learn` learns from)."""
    lex = Lexicon()
    _load_legal(lex)
    _load_places(lex)
    _load_industry(lex)
    if learned:
        _load_learned(lex)
    return lex
