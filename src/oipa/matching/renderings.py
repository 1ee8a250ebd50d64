"""How a run of Chinese characters can be written in Latin letters, word by word.

A word spells a run in pinyin (`spells`: the usual reading, or a polyphone's other one), or
within a slip (`NEAR_SPELLING_OF`: "Fenghwa" for 丰华), or means it (`means`: one of its
English meanings in CC-CEDICT, allowing another ending: "diagnostics" for 诊断, whose meaning
is "diagnosis"), or joins two such words (`compound`: "raycloud" for 光云). `explains` says
which. The blocking keys (`name_keys`, `lookup_keys`) let `translate` find the names whose runs
a party's words may explain without comparing every pair.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from .expand import is_pinyin, pinyin_of, pinyin_variants, syllables
from .glossary import LONGEST_WORD, meanings

#: A spelling within a slip: `fuzz.ratio` of the word and the run's pinyin at least this.
NEAR_SPELLING = 85.0
#: Words shorter than this must equal a meaning; longer ones may differ in their endings
#: ("diagnostics" / "diagnosis", "orient" / "oriental").
STEM = 4
_ENDINGS = (  # "|"-separated, the empty ending first
    "|s|es|e|y|ies|ic|ics|ical|al|is|tic|tics|etic|ed|ing"
    "|er|ers|ern|ment|ments|ity|ive|ian|an|ation|ations|ion|ions|ous|ly"
)
ENDINGS = frozenset(_ENDINGS.split("|"))
LONGEST_ENDING = max(map(len, ENDINGS))
#: Shortest part of a compound word ("ray" of "raycloud").
SHORTEST_PIECE = 3


@lru_cache(maxsize=262_144)
def stems(word: str) -> frozenset[str]:
    """The stems a word may share with a `similar` one: itself, and itself without each
    ending it has, as long as STEM letters remain ("diagnostics": diagnostics, diagnost,
    diagnosti, diagnostic)."""
    found = {word}
    for size in range(1, min(LONGEST_ENDING, len(word) - STEM) + 1):
        if word[-size:] in ENDINGS:
            found.add(word[:-size])
    return frozenset(found)


def meaning_keys(word: str) -> set[str]:
    """The blocking keys of a meaning word (two `similar` words share one)."""
    return {"~" + stem for stem in stems(word)}


def spelling_key(spelling: str) -> str:
    """The blocking key of a pinyin spelling: the whole of it (a prefix of a spelling, "xing",
    would find thousands of names)."""
    return "=" + spelling


def lookup_keys(token: str, known: Container[str]) -> set[str]:
    """The keys among `known` that a party's word is looked up under: as a spelling, as a
    meaning, and, for a long word, as a compound by the meanings of its parts ("raycloud":
    "ray", "cloud"). A near spelling is not looked up: it is found only beside words that
    are."""
    keys = {spelling_key(token)} | meaning_keys(token)
    for cut in range(SHORTEST_PIECE, len(token) - SHORTEST_PIECE + 1):
        for piece in (token[:cut], token[cut:]):
            found = {key for key in meaning_keys(piece) if key in known}
            # A piece that reads as pinyin ("long" of "longhetri") would find every name
            # with a character meaning "long"; the English piece of a compound is enough.
            if found and not is_pinyin(piece):
                keys |= found
    return {key for key in keys if key in known}


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
    if any(means(run, part) for part in parts):
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
    for middle in range(1, len(run)):
        left, right = run[:middle], run[middle:]
        if not meanings(left) and not meanings(right):
            continue
        for cut in range(SHORTEST_PIECE, len(word) - SHORTEST_PIECE + 1):
            first = _plainly(left, word[:cut])
            second = _plainly(right, word[cut:]) if first else UNRELATED
            if second and MEANING_OF in (first, second):
                return True
    return False


def _plainly(run: str, word: str) -> int:
    """SPELLING_OF or MEANING_OF as in `explains`, without slips or compounds."""
    if spells(run, word):
        return SPELLING_OF
    return MEANING_OF if means(run, word) else UNRELATED


def means(run: str, word: str) -> bool:
    """Whether `word` is `similar` to one of the run's meanings (similar words share a stem,
    so most runs are ruled out by one set intersection)."""
    if not stems(word) & meaning_stems(run):
        return False
    return any(similar(word, m) for m in meanings(run))


@lru_cache(maxsize=262_144)
def meaning_stems(run: str) -> frozenset[str]:
    """Every stem of every meaning of a run."""
    return frozenset(stem for m in meanings(run) for stem in stems(m))


@lru_cache(maxsize=65_536)
def syllable_count(token: str) -> int:
    """The fewest pinyin syllables that spell a token ("jinling": 2), or its length if none
    do."""
    known = syllables()
    fewest = [0] + [len(token) + 1] * len(token)
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - 6), end):
            if token[start:end] in known:
                fewest[end] = min(fewest[end], fewest[start] + 1)
    return fewest[-1] if fewest[-1] <= len(token) else len(token)


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
