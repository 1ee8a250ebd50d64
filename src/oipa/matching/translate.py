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

Only parties with a word that is not pinyin are aligned (pinyin alone is what the other rules
compare), and only names of enterprises that registered no English name are indexed: where an
enterprise gave its English name, that name is what is compared, and guessing other
translations would only add doubt. Candidates come from an inverted index of how each name's
runs are spelt and the stems of what they mean, so only names that every party word may
explain part of are aligned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz

from .expand import is_pinyin, pinyin_of, pinyin_variants
from .glossary import LONGEST_WORD, meanings
from .normalize import NormalName, normalize, places_conflict, trade_words

#: The kinds of registered names that are translated (not brands, stores or identifiers).
TRANSLATED_KINDS = frozenset({"legal", "former"})
#: Every character and every distinctive party word explained.
FULL_SCORE = 94.0
#: A party word that spells a run of characters only within a slip ("fenghwa", 丰华).
NEAR_SPELLING_PENALTY = 2.0
#: As in the engine: different trades, different places.
TRADE_PENALTY = 15.0
PLACE_PENALTY = 10.0
#: Explained completely, but too little else agrees for an alert: staff have a look.
REVIEW_SCORE = 86.0
#: A spelling within a slip: `fuzz.ratio` of the word and the run's pinyin at least this.
NEAR_SPELLING = 85.0
#: Words shorter than this must equal a meaning; longer ones may differ in their endings
#: ("diagnostics" / "diagnosis", "orient" / "oriental").
STEM = 4
ENDINGS = frozenset(
    {
        "",
        "s",
        "es",
        "e",
        "y",
        "ies",
        "ic",
        "ics",
        "ical",
        "al",
        "is",
        "tic",
        "tics",
        "etic",
        "ed",
        "ing",
        "er",
        "ers",
        "ern",
        "ment",
        "ments",
        "ity",
        "ive",
        "ian",
        "an",
        "ation",
        "ations",
        "ion",
        "ions",
        "ous",
        "ly",
    }
)
#: The suffix of trades that are a material or product (钨业, 盐业): "... industry".
INDUSTRY_SUFFIX = "业"
#: Points of `evidence` an alert needs.
ENOUGH = 3
#: Shortest part of a compound word ("ray" of "raycloud").
SHORTEST_PIECE = 3
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
    which words were used (bit i: word i), and whether a spelling was only near."""

    explained: int
    length: int
    used: int
    near: bool
    specific: int = 0
    spelt: int = 0

    def uses(self, i: int) -> bool:
        return bool(self.used >> i & 1)


@lru_cache(maxsize=262_144)
def stems(word: str) -> frozenset[str]:
    """The stems a word may share with a `similar` one: itself, and itself without each
    ending it has, as long as STEM letters remain ("diagnostics": diagnostics, diagnost,
    diagnosti, diagnostic)."""
    found = {word}
    for ending in ENDINGS:
        if ending and word.endswith(ending) and len(word) - len(ending) >= STEM:
            found.add(word[: -len(ending)])
    return frozenset(found)


def meaning_keys(word: str) -> set[str]:
    """The blocking keys of a meaning word (two `similar` words share one)."""
    return {"~" + stem for stem in stems(word)}


def spelling_key(spelling: str) -> str:
    """The blocking key of a pinyin spelling: the whole of it (a prefix of a spelling, "xing",
    would find thousands of names)."""
    return "=" + spelling


def lookup_keys(token: str) -> set[str]:
    """The keys a party's word is looked up under: as a spelling, as a meaning, and, for a
    long word, as a compound by the meanings of its parts ("raycloud": "ray", "cloud"). A
    near spelling is not looked up: it is found only beside words that are."""
    keys = {spelling_key(token)} | meaning_keys(token)
    for cut in range(SHORTEST_PIECE, len(token) - SHORTEST_PIECE + 1):
        for piece in (token[:cut], token[cut:]):
            # A piece that reads as pinyin ("long" of "longhetri") would find every name
            # with a character meaning "long"; the English piece of a compound is enough.
            if not is_pinyin(piece):
                keys |= meaning_keys(piece)
    return keys


def similar(word: str, meaning: str) -> bool:
    """The same English word, or the same stem with another ending ("diagnostics" /
    "diagnosis", "orient" / "oriental", "electronic" / "electronics"); a word that merely
    begins with another ("southwest" / "south", "primeton" / "prime") is not."""
    if word == meaning:
        return True
    shared = 0
    for a, b in zip(word, meaning, strict=False):
        if a != b:
            break
        shared += 1
    return shared >= STEM and word[shared:] in ENDINGS and meaning[shared:] in ENDINGS


@lru_cache(maxsize=262_144)
def spellings(run: str) -> tuple[str, ...]:
    """Pinyin spellings of a run of characters, run together (the usual reading first)."""
    found = ["".join(pinyin_of(run))]
    found += ["".join(v) for v in pinyin_variants(run)]
    return tuple(dict.fromkeys(s for s in found if s))


def spells(run: str, word: str) -> bool:
    """Whether `word` is a pinyin spelling of `run`: its usual reading, or one of the other
    readings of a polyphone that `expand.pinyin_variants` gives."""
    return word in spellings(run)


#: What a word says of a run of characters (`explains`).
UNRELATED, NEAR_SPELLING_OF, MEANING_OF, SPELLING_OF = 0, 1, 2, 3


@lru_cache(maxsize=262_144)
def explains(run: str, word: str) -> int:
    """SPELLING_OF: `word` spells `run` in pinyin; MEANING_OF: it is one of its meanings;
    NEAR_SPELLING_OF: it spells it within a slip; else UNRELATED. A word of several
    ("environmental protection", a trade) is a meaning if one of its words is."""
    parts = word.split()
    if len(parts) == 1 and spells(run, word):
        return SPELLING_OF
    found = meanings(run)
    if found and any(similar(part, m) for part in parts for m in found):
        return MEANING_OF
    if len(parts) == 1 and len(run) >= 2 and len(word) >= STEM:
        if any(fuzz.ratio(word, s, score_cutoff=NEAR_SPELLING) for s in spellings(run)):
            return NEAR_SPELLING_OF
        if len(word) >= 2 * SHORTEST_PIECE and compound(run, word):
            return MEANING_OF
    return UNRELATED


def compound(run: str, word: str) -> bool:
    """Whether a word is two words run together that explain the run's two parts, one of
    them by meaning ("greatstar" for 巨星: great 巨, star 星; "snowsky" for 雪天)."""
    for cut in range(SHORTEST_PIECE, len(word) - SHORTEST_PIECE + 1):
        for middle in range(1, len(run)):
            first = explains(run[:middle], word[:cut])
            second = explains(run[middle:], word[cut:]) if first >= MEANING_OF else 0
            if second >= MEANING_OF and MEANING_OF in (first, second):
                return True
    return False


def runs(cjk: str) -> Iterable[str]:
    for start in range(len(cjk)):
        for end in range(start + 1, min(len(cjk), start + LONGEST_WORD) + 1):
            yield cjk[start:end]


def name_keys(cjk: str) -> set[str]:
    """The blocking keys of a Chinese name: its runs' spellings and meanings."""
    keys: set[str] = set()
    for run in runs(cjk):
        keys.update(spelling_key(s) for s in spellings(run))
        for meaning in meanings(run):
            keys |= meaning_keys(meaning)
    return keys


class Tally(NamedTuple):
    """What an alignment explains, compared field by field (the best has the most
    characters explained, then words used, then exact, specific and spelt explanations)."""

    chars: int = 0
    words: int = 0
    exact: int = 0
    specific: int = 0
    spelt: int = 0
    used: int = 0

    def plus(self, run: str, quality: int, words: int, used: int) -> Tally:
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
            used,
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
            options.append(rest.plus(run, quality, 1, rest.used))
            following = i + 1
            # Two words of one meaning ("machine tool" for 机床).
            if (
                following < first_spare
                and quality == MEANING_OF
                and explains(run, words[following]) == MEANING_OF
            ):
                rest = best(end, following + 1, used | 1 << i | 1 << following)
                options.append(rest.plus(run, quality, 2, rest.used))
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
    # One English word is a weaker clue than a pinyin spelling: many names translate alike.
    needed = ENOUGH + (len(tokens) == 1 and found.spelt == 0)
    strong = found.length >= 2 and evidence(party, name, found) >= needed
    value = FULL_SCORE if strong else REVIEW_SCORE
    unused = {w for i, w in enumerate(spare) if not found.uses(len(tokens) + i)}
    left = frozenset(t for t in party.trades if t not in spare or t in unused)
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
    points = 0
    for i in range(len(party.tokens) + len(party.words)):
        if found.uses(i):
            points += 1
    points += found.specific
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
    runs. Built once with the engine; `candidates` and `score` are read-only."""

    def __init__(self, names: list[ChineseName]) -> None:
        self.names = names
        postings: dict[str, list[int]] = {}
        for position, name in enumerate(names):
            for key in name_keys(name.cjk):
                postings.setdefault(key, []).append(position)
        self.postings = {k: np.asarray(v, dtype=np.int32) for k, v in postings.items()}

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

    def _postings(self, token: str) -> np.ndarray:
        """The names a party's word may explain part of, each once."""
        found = [p for k in lookup_keys(token) if (p := self.postings.get(k)) is not None]
        if len(found) == 1:
            return found[0]
        return np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int32)

    def matches(self, party: NormalName, threshold: float) -> list[tuple[ChineseName, float]]:
        """The names the party matches at or above `threshold`, with their scores."""
        if party.cjk or party.generic or all(is_pinyin(t) for t in party.tokens):
            # Pinyin alone is what the engine's other rules compare.
            return []
        out = []
        for position in self.candidates(party).tolist():
            name = self.names[position]
            value = score(party, name)
            if value >= threshold:
                out.append((name, value))
        return out
