"""Translated matching: an English party name read against an enterprise's Chinese name.

Many enterprises register only their Chinese name, and a docket's English for it is partly
translated and partly pinyin: "Beijing Orient Landscape & Environment Co., Ltd." is
北京东方园林环境股份有限公司 (东方 translated as "Orient", 园林 "Landscape", 环境
"Environment"), "DIAN DIAGNOSTICS GROUP" is 迪安诊断技术集团 (迪安 spelt "Dian", 诊断
translated). No fixed English form generated in advance can foresee which words a company chose,
so the party's words are aligned with the Chinese characters instead.

The alignment reads the distinctive Chinese part left to right; each run of one to four
characters may be explained by a party word that spells it in pinyin (the usual reading or a
polyphone's other one, or within a slip: "Fenghwa" for 丰华), that is one of its English
meanings in CC-CEDICT (`glossary`; "Orient" for 东方), that joins two such words
("Raycloud" for 光云), or by two words of one meaning ("Machine Tool" for 机床). The party's
words explain runs in their own order, each one run at most. Only a complete alignment counts:
every character explained, every distinctive party word used. It alerts (`FULL_SCORE`, less
the usual penalties for different trades or places) when enough else agrees (`evidence`: a
spelling, a word of two characters, a shared trade or place); otherwise it goes to review.

A party written in pinyin alone is aligned only with names that have more characters than it
spells and a run one of its trade words translates ("JINLING HOTEL" for 金陵饭店): the rest is
what the other rules compare. Only names of enterprises that registered no English name are
indexed: where an enterprise gave its English name, that name is what is compared, and guessing
other translations would only add doubt. Candidates come from an inverted index of how each name's
runs are spelt and the stems of what they mean, so only names that every party word may
explain part of are aligned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .expand import is_pinyin
from .glossary import LONGEST_WORD
from .normalize import (
    PLACE_PENALTY,
    TRADE_PENALTY,
    NormalName,
    normalize,
    places_conflict,
    trade_words,
)
from .renderings import (
    MEANING_OF,
    NEAR_SPELLING_OF,
    SPELLING_OF,
    explains,
    lookup_keys,
    meaning_keys,
    name_keys,
    syllable_count,
)

#: The kinds of registered names that are translated (not brands, stores or identifiers).
TRANSLATED_KINDS = frozenset({"legal", "former"})
#: Every character and every distinctive party word explained.
FULL_SCORE = 94.0
#: A party word that spells a run of characters only within a slip ("fenghwa", 丰华).
NEAR_SPELLING_PENALTY = 2.0
#: Explained completely, but too little else agrees for an alert: staff have a look.
REVIEW_SCORE = 86.0
#: The suffix of trades that are a material or product (钨业, 盐业): "... industry".
INDUSTRY_SUFFIX = "业"
#: Points of `evidence` an alert needs.
ENOUGH = 3
#: Distinctive Chinese parts longer than this are not aligned (they are sentences, not names).
LONGEST_NAME = 12
#: Parties with more distinctive words than this are not aligned (the search grows with them).
MOST_WORDS = 6


@dataclass(frozen=True, slots=True)
class ChineseName:
    """One registered Chinese name of an enterprise, taken apart for alignment."""

    owner: int
    text: int
    kind: int
    cjk: str
    words: frozenset[str]
    trades: frozenset[str]
    places: frozenset[str]
    place_closure: frozenset[str]


@dataclass(frozen=True, slots=True)
class Alignment:
    """How far a party's words explain a Chinese name: characters explained (of `length`),
    which words were used (bit i: word i), whether a spelling was only near, and how many
    runs were explained specifically (see `Tally.plus`) or spelt."""

    explained: int
    length: int
    used: int
    near: bool
    specific: int = 0
    spelt: int = 0

    def uses(self, i: int) -> bool:
        return bool(self.used >> i & 1)


class Tally(NamedTuple):
    """What an alignment explains, compared field by field (the best has the most
    characters explained, then words used, then exact, specific and spelt explanations)."""

    chars: int = 0
    words: int = 0
    exact: int = 0
    specific: int = 0
    spelt: int = 0
    used: int = 0

    def plus(self, run: str, quality: int, words: int) -> Tally:
        """This tally with one more run explained by `words` words of quality `quality`.
        A spelling, or a meaning of two characters or more or of two words, is specific:
        rarer than a common English word for one character."""
        specific = quality == SPELLING_OF or (quality == MEANING_OF and (len(run) > 1 or words > 1))
        return Tally(
            self.chars + len(run),
            self.words + words,
            self.exact + words * (quality != NEAR_SPELLING_OF),
            self.specific + specific,
            self.spelt + (quality == SPELLING_OF),
            self.used,
        )


Link = tuple[int, int, int, int]  # start, end, word, quality: a word explains cjk[start:end]


def links(cjk: str, words: tuple[str, ...]) -> list[Link]:
    """Every (run, word) pair where the word says something of the run."""
    found = []
    for start in range(len(cjk)):
        for end in range(start + 1, min(len(cjk), start + LONGEST_WORD) + 1):
            run = cjk[start:end]
            for i, word in enumerate(words):
                if quality := explains(run, word):
                    found.append((start, end, i, quality))
    return found


def align(cjk: str, tokens: tuple[str, ...], spare: tuple[str, ...] = ()) -> Alignment:
    """The best alignment of the party's words with the characters (see `Tally`).

    Distinctive tokens explain runs in their own order (dockets keep the order of the Chinese
    name); the party's spare trade words may explain a run anywhere. Bit i of `used` is
    token i, bit len(tokens) + j spare word j."""
    words = tokens + spare
    return align_links(cjk, words, len(tokens), links(cjk, words))


def align_links(cjk: str, words: tuple[str, ...], first_spare: int, found: list[Link]):
    """`align`, given the links of the words and the characters."""
    starting: dict[int, list[Link]] = {}
    for link in found:
        starting.setdefault(link[0], []).append(link)
    memo: dict[tuple[int, int, int], Tally] = {}

    def best(start: int, next_token: int, used: int) -> Tally:
        """The best tally of the characters from `start` on, with the words in `used` and
        the tokens before `next_token` no longer available."""
        if start == len(cjk):
            return Tally(used=used)
        state = (start, next_token, used)
        if state in memo:
            return memo[state]
        options = [best(start + 1, next_token, used)]
        for _, end, i, quality in starting.get(start, ()):
            if used >> i & 1 or (i < first_spare and i < next_token):
                continue
            run = cjk[start:end]
            after = i + 1 if i < first_spare else next_token
            rest = best(end, after, used | 1 << i)
            options.append(rest.plus(run, quality, 1))
            following = i + 1
            # Two words of one meaning ("machine tool" for 机床).
            if (
                following < first_spare
                and quality == MEANING_OF
                and explains(run, words[following]) == MEANING_OF
            ):
                rest = best(end, following + 1, used | 1 << i | 1 << following)
                options.append(rest.plus(run, quality, 2))
        memo[state] = max(options)
        return memo[state]

    tally = best(0, 0, 0)
    near = tally.exact < tally.words
    return Alignment(tally.chars, len(cjk), tally.used, near, tally.specific, tally.spelt)


def _may_complete(cjk: str, tokens: int, found: list[Link]) -> bool:
    """Whether the links could explain every character with every token (a quick bound
    before the search)."""
    chars = {c for start, end, _, _ in found for c in range(start, end)}
    return len(chars) == len(cjk) and len({i for _, _, i, _ in found if i < tokens}) == tokens


def score(party: NormalName, name: ChineseName) -> float:
    """The party against one Chinese name, 0 when they are unrelated (see the module doc)."""
    tokens = party.tokens
    # Trade words both state are matched as trades; the party's other trade words
    # ("Energy" of "LONGi Green Energy") may translate characters of the name.
    spare = tuple(w for w in party.words if w not in name.words)
    if party.generic or not tokens or len(tokens) + len(spare) > MOST_WORDS:
        return 0.0
    cjk, words = _without_suffix(name.cjk), tokens + spare
    linked = links(cjk, words)
    if not _may_complete(cjk, len(tokens), linked):
        return 0.0
    found = align_links(cjk, words, len(tokens), linked)
    if found.explained < found.length or not all(found.uses(i) for i in range(len(tokens))):
        return 0.0
    unused = {w for i, w in enumerate(spare) if not found.uses(len(tokens) + i)}
    left = frozenset(t for t in party.trades if t not in spare or t in unused)
    # A trade the party states that the name neither states nor translates ("Jinling Hotel
    # Logistics" for 金陵饭店) may be another company of the group: not an alert.
    unverified = bool(unused & party.trades) and not name.trades
    # One English word is a weaker clue than a pinyin spelling: many names translate alike.
    needed = ENOUGH + (len(tokens) == 1 and found.spelt == 0)
    strong = found.length >= 2 and evidence(party, name, found) >= needed and not unverified
    value = FULL_SCORE if strong else REVIEW_SCORE
    if left and name.trades and not trade_words(left) & trade_words(name.trades):
        value -= TRADE_PENALTY
    stated = party.stated_places, party.place_closure, name.places, name.place_closure
    value -= PLACE_PENALTY * places_conflict(*stated) + NEAR_SPELLING_PENALTY * found.near
    return round(value, 1)


def _without_suffix(cjk: str) -> str:
    """A name without a final 业 ("industry") after its own word: 钨业 is read as 钨, the
    tungsten of "Tungsten (Xiamen)"; dockets seldom translate it."""
    return cjk[:-1] if len(cjk) >= 2 and cjk.endswith(INDUSTRY_SUFFIX) else cjk


def evidence(party: NormalName, name: ChineseName, found: Alignment) -> int:
    """How much agrees besides the alignment being complete: each word used, and once more
    if it spells its run or means a word of two characters or more; each trade both state
    (two at most); a place both state. A single translated word ("Star" for 海星, "Bear" for
    熊) is not enough for an alert, nor are two common words for single characters alone."""
    points = found.used.bit_count() + found.specific
    points += min(len(trade_words(party.trades) & trade_words(name.trades)), 2)
    points += bool(party.stated_places & name.place_closure or name.places & party.place_closure)
    return points


def chinese_name(owner: int, text: int, kind: int, name: str) -> ChineseName | None:
    """The name as alignment reads it, or None when it is not a Chinese name (or too long
    to be one)."""
    normal = normalize(name)
    if not normal.cjk or normal.tokens or len(normal.cjk) > LONGEST_NAME:
        return None
    return ChineseName(
        owner,
        text,
        kind,
        normal.cjk,
        frozenset(normal.words),
        normal.trades,
        normal.stated_places,
        normal.place_closure,
    )


class TranslationIndex:
    """Chinese names of enterprises without an English name, by the blocking keys of their
    runs. Built once with the engine; matching only reads it (safe from several threads)."""

    def __init__(self, names: list[ChineseName]) -> None:
        self.names = names
        postings: dict[str, list[int]] = {}
        for position, name in enumerate(names):
            for key in name_keys(name.cjk):
                postings.setdefault(key, []).append(position)
        self.postings = {k: np.asarray(v, dtype=np.int32) for k, v in postings.items()}
        lengths = (len(_without_suffix(name.cjk)) for name in names)
        self.lengths = np.fromiter(lengths, np.int32, len(names))

    def __len__(self) -> int:
        return len(self.names)

    def candidates(self, party: NormalName) -> np.ndarray:
        """Positions of the names that every distinctive word of the party may explain part
        of (all but one, for parties of three words or more: one may be a near spelling,
        which is not indexed)."""
        tokens = party.tokens
        if not tokens or not self.names or len(tokens) > MOST_WORDS:
            return np.empty(0, dtype=np.int32)
        hits = [self._postings(t) for t in dict.fromkeys(tokens)]
        found = [h for h in hits if len(h)]
        needed = len(hits) - (len(hits) >= 3)
        if len(found) < needed or not found:
            return np.empty(0, dtype=np.int32)
        counts = np.bincount(np.concatenate(found), minlength=len(self.names))
        return np.flatnonzero(counts >= needed).astype(np.int32)

    def _meant_by(self, words: Iterable[str]) -> np.ndarray:
        """The names with a run that one of these (trade) words may translate."""
        keys = {key for word in words for part in word.split() for key in meaning_keys(part)}
        found = [p for key in keys if (p := self.postings.get(key)) is not None]
        return np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int32)

    def _postings(self, token: str) -> np.ndarray:
        """The names a party's word may explain part of, each once."""
        found = [self.postings[k] for k in lookup_keys(token, self.postings)]
        if len(found) == 1:
            return found[0]
        return np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int32)

    def matches(self, party: NormalName, threshold: float) -> list[tuple[ChineseName, float]]:
        """The names the party matches at or above `threshold`, with their scores."""
        if party.cjk or party.generic:
            return []
        found = self.candidates(party)
        if all(is_pinyin(t) for t in party.tokens):
            # Pinyin alone is what the engine's other rules compare; a name with more
            # characters than the party spells may still be explained by its trade words
            # ("JINLING HOTEL" for 金陵饭店), so only those are aligned.
            spelt = sum(syllable_count(t) for t in party.tokens)
            found = found[self.lengths[found] > spelt]
            found = np.intersect1d(found, self._meant_by(party.words), assume_unique=True)
        out = []
        for position in found.tolist():
            name = self.names[position]
            value = score(party, name)
            if value >= threshold:
                out.append((name, value))
        return out
