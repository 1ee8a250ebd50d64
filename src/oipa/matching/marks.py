"""Trademark similarity for the squatting watch (pure Python: no Django).

A watched mark (a Chinese and/or Latin word mark of an enterprise, its pinyin and known English
forms, Nice classes, jurisdictions of interest) is compared with a published foreign mark:

- identical: the published mark's distinctive part is one of the watched forms;
- pinyin: it is the pinyin of a Chinese watched mark ("XIAOMI" ~ 小米), or nearly so ("XIAOMY"),
  or a Chinese published mark reads the same in pinyin (晓米 ~ 小米);
- containment: a watched form inside a longer mark ("XIAOMI-TECH", "XIAOMITECH", 小米科技);
- spelling: normalized edit distance (Levenshtein similarity at least 0.8), and token overlap
  (the same words in another order);
- sound: the same Metaphone key and a close spelling ("OPO" ~ "OPPO", "HUAWAY" ~ "HUAWEI");

in identical or related Nice classes (`RELATED_CLASSES`). Generic words (SMART, TECH, PRO, MAX...)
are set aside before comparing, so a mark made only of them never fires. `score_pair` is the one
scorer; `MarkIndex` blocks (exact, substring, spelling-part and phonetic-key indexes) so that
only plausible pairs reach it, and `MarkIndex.match` returns the same hits as scoring every pair
(the benchmark `bench/mark_watch.py` measures that recall).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import jellyfish
import numpy
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .expand import pinyin_of
from .normalize import fold

#: A hit is reported at or above this score (0-100).
THRESHOLD = 80.0
#: Factor applied when the classes are only related (not identical) or not stated.
RELATED_FACTOR = 0.9
UNSTATED_FACTOR = 0.9
#: Keys shorter than this are compared by spelling only when identical.
MIN_SPELLING = 5

IDENTICAL = "identical"
PINYIN = "pinyin"
CONTAINMENT = "containment"
SPELLING = "spelling"
TOKEN_OVERLAP = "token_overlap"
SOUND = "sound"
RULES = (IDENTICAL, PINYIN, CONTAINMENT, SPELLING, TOKEN_OVERLAP, SOUND)

# Form kinds of a watched mark.
MARK = "mark"
PINYIN_FORM = "pinyin"
ENGLISH = "english"

#: Words that say nothing about whose mark it is; alone they never fire.
_GENERIC = """
a an and the of for my your our new best top super ultra hyper mega pro max plus mini lite
air go one smart tech technology technologies digital net web online app apps cloud data
home life living style design fashion beauty baby kids pet pets auto car cars sport sports
star world global group china chinese asia usa us shop store mall official brand brands
co inc llc ltd corp company lab labs studio house club team power energy green eco bio
care health food foods fresh tea coffee wear tool tools x i e
"""
GENERIC_WORDS = frozenset(_GENERIC.split())

#: Nice classes whose goods or services are commonly found related (symmetric; a class is
#: always related to itself). Sources: EUIPO and USPTO relatedness practice, simplified.
_RELATED_PAIRS = {
    3: (5, 21, 44),
    5: (3, 10, 44),
    7: (9, 11, 37),
    9: (35, 38, 42, 28, 41, 7, 11),
    10: (5, 44),
    11: (7, 9, 21),
    12: (7, 37, 39),
    14: (18, 25, 26),
    16: (41, 9),
    18: (25, 14, 35),
    20: (21, 24),
    21: (3, 11, 20),
    24: (25, 20),
    25: (18, 14, 26, 35),
    28: (9, 41, 25),
    29: (30, 31, 32, 43),
    30: (29, 32, 43),
    32: (33, 30, 29),
    33: (32, 43),
    35: (9, 25, 18),
    38: (9, 42),
    41: (9, 16, 28),
    42: (9, 38),
    43: (29, 30, 32, 33),
    44: (3, 5, 10),
}


def _related_table() -> dict[int, frozenset[int]]:
    table: dict[int, set[int]] = defaultdict(set)
    for left, rights in _RELATED_PAIRS.items():
        for right in rights:
            table[left].add(right)
            table[right].add(left)
    return {number: frozenset(table[number] | {number}) for number in range(1, 46)}


RELATED_CLASSES: dict[int, frozenset[int]] = _related_table()

_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN = re.compile("[a-z0-9]+")


def related(a: int, b: int) -> bool:
    """Whether two Nice classes are the same or related (see `RELATED_CLASSES`)."""
    return b in RELATED_CLASSES.get(a, frozenset({a}))


def pinyin_forms(text: str) -> tuple[str, str]:
    """The toneless pinyin of the Chinese in `text`, with and without spaces ("xiao mi",
    "xiaomi"); ("", "") when there is no Chinese."""
    cjk = "".join(_CJK.findall(fold(text)))
    syllables = pinyin_of(cjk) if cjk else []
    return " ".join(syllables), "".join(syllables)


@lru_cache(maxsize=200_000)
def _sound_key(compact: str) -> str:
    return jellyfish.metaphone(compact) if compact.isascii() else ""


@dataclass(frozen=True, slots=True)
class Form:
    """One string a watched mark is compared by: its compact key (lower case, no spaces or
    punctuation), its kind (mark, pinyin, english), and the text shown to people."""

    key: str
    kind: str
    text: str
    tokens: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WatchedMark:
    """A mark an enterprise watches. `forms` are derived by `watched_mark`; `classes` and
    `jurisdictions` empty mean "all"."""

    key: str
    text: str
    forms: tuple[Form, ...]
    cjk: str
    classes: frozenset[int]
    class_closure: frozenset[int]
    jurisdictions: frozenset[str]


@dataclass(frozen=True, slots=True)
class PublishedMark:
    """A mark published by a foreign office, taken apart: its distinctive Latin tokens and
    compact key, all tokens run together, its Chinese part and that part's pinyin."""

    key: str
    text: str
    tokens: tuple[str, ...]
    words: tuple[str, ...]
    compact: str
    full: str
    cjk: str
    cjk_pinyin: str
    classes: frozenset[int]
    jurisdiction: str

    @property
    def distinctive(self) -> bool:
        return bool(self.compact or self.cjk)


@dataclass(frozen=True, slots=True)
class MarkHit:
    """Why a published mark is similar to a watched mark: score (0-100), rule, the watched form
    that matched, and the classes in common (identical) and related."""

    watched_key: str
    published_key: str
    score: float
    rule: str
    form: str
    form_kind: str
    classes_in_common: tuple[int, ...]
    related_classes: tuple[int, ...] = field(default=())


def _latin_tokens(folded: str) -> list[str]:
    return _LATIN.findall(folded)


def watched_mark(
    key: str,
    text: str,
    *,
    english: Iterable[str] = (),
    classes: Iterable[int] = (),
    jurisdictions: Iterable[str] = (),
) -> WatchedMark:
    """Derive a watched mark's forms: its Latin word mark, the pinyin of its Chinese part, and
    its known English forms. Forms made only of generic words, or shorter than 2 letters,
    are left out (they could only cause false alarms)."""
    folded = fold(text)
    cjk = "".join(_CJK.findall(folded))
    forms: dict[str, Form] = {}

    def add(tokens: list[str], kind: str, shown: str) -> None:
        tokens = [t for t in tokens if t]
        compact = "".join(tokens)
        if len(compact) < 2 or all(t in GENERIC_WORDS for t in tokens) or compact in forms:
            return
        forms[compact] = Form(compact, kind, shown, tuple(tokens))

    latin = _latin_tokens(folded)
    add(latin, MARK, " ".join(latin).upper())
    spaced, _joined = pinyin_forms(cjk) if cjk else ("", "")
    if spaced:
        add(spaced.split(), PINYIN_FORM, spaced)
    for name in english:
        add(_latin_tokens(fold(name)), ENGLISH, name)
    numbers = frozenset(int(c) for c in classes)
    closure = frozenset().union(*(RELATED_CLASSES.get(c, frozenset({c})) for c in numbers))
    return WatchedMark(
        key, text, tuple(forms.values()), cjk, numbers, closure, frozenset(jurisdictions)
    )


def published_mark(
    key: str, text: str, *, classes: Iterable[int] = (), jurisdiction: str = ""
) -> PublishedMark:
    """Take a published mark apart (generic words set aside from the distinctive part)."""
    folded = fold(text or "")
    tokens = _latin_tokens(folded)
    distinctive = tuple(t for t in tokens if t not in GENERIC_WORDS)
    cjk = "".join(_CJK.findall(folded))
    return PublishedMark(
        key,
        text,
        distinctive,
        tuple(tokens),
        "".join(distinctive),
        "".join(tokens),
        cjk,
        "".join(pinyin_of(cjk)) if cjk else "",
        frozenset(int(c) for c in classes),
        jurisdiction,
    )


def _class_factor(watched: WatchedMark, published: PublishedMark):
    """(factor, common, related) or None when the classes are unrelated."""
    if not watched.classes:
        return 1.0, tuple(sorted(published.classes)), ()
    if not published.classes:
        return UNSTATED_FACTOR, (), ()
    common = watched.classes & published.classes
    if common:
        return 1.0, tuple(sorted(common)), ()
    near = published.classes & watched.class_closure
    if near:
        return RELATED_FACTOR, (), tuple(sorted(near))
    return None


def _contained(form: str, published: PublishedMark) -> bool:
    """A watched form of 4+ letters inside the mark, making up half or more of what is
    distinctive in it ("xiaomi" in "xiaomitech" or "red xiaomi"; not "anta" in "plantation")."""
    return (
        len(form) >= 4
        and form in published.full
        and len(form) * 2 >= len(published.compact or published.full)
    )


def _latin_score(form: Form, published: PublishedMark) -> tuple[float, str]:
    compact = published.compact
    pinyin = form.kind == PINYIN_FORM
    if compact == form.key:
        if published.full != compact and len(form.key) >= 4:
            return 95.0, CONTAINMENT  # generic words added around it ("XIAOMI TECH")
        return 100.0, PINYIN if pinyin else IDENTICAL
    best, rule = 0.0, ""
    if _contained(form.key, published):
        best, rule = 85.0 + 10.0 * len(form.key) / max(len(compact), len(form.key)), CONTAINMENT
    same_words = len(form.tokens) >= 2 and sorted(form.tokens) == sorted(published.words)
    if same_words and best < 95.0:
        best, rule = 95.0, TOKEN_OVERLAP
    if len(compact) >= MIN_SPELLING and len(form.key) >= MIN_SPELLING:
        similarity = 100.0 * Levenshtein.normalized_similarity(form.key, compact)
        if similarity >= THRESHOLD and similarity > best:
            best, rule = similarity, PINYIN if pinyin else SPELLING
    if best < 82.0 and len(compact) >= 3 and len(form.key) >= 3:
        key = _sound_key(form.key)
        if len(key) >= 2 and key == _sound_key(compact) and fuzz.ratio(form.key, compact) >= 65:
            best, rule = 82.0, SOUND
    return best, rule


def _cjk_score(watched: WatchedMark, published: PublishedMark) -> tuple[float, str, Form | None]:
    if not published.cjk:
        return 0.0, "", None
    shown = Form(watched.cjk, MARK, watched.cjk)
    if watched.cjk and watched.cjk == published.cjk:
        return 100.0, IDENTICAL, shown
    if watched.cjk and len(watched.cjk) >= 2 and watched.cjk in published.cjk:
        return 90.0, CONTAINMENT, shown
    for form in watched.forms:
        if form.kind == PINYIN_FORM and form.key == published.cjk_pinyin:
            return 90.0, PINYIN, form
    return 0.0, "", None


def score_pair(watched: WatchedMark, published: PublishedMark) -> MarkHit | None:
    """The one scorer: the best rule over the watched mark's forms, times the class factor;
    None below `THRESHOLD`, in unrelated classes, outside the watched jurisdictions, or when
    the published mark has nothing distinctive."""
    if watched.jurisdictions and published.jurisdiction not in watched.jurisdictions:
        return None
    if not published.distinctive:
        return None
    classes = _class_factor(watched, published)
    if classes is None:
        return None
    factor, common, near = classes
    best, rule, best_form = _cjk_score(watched, published)
    if published.compact:
        for form in watched.forms:
            score, form_rule = _latin_score(form, published)
            if score > best:
                best, rule, best_form = score, form_rule, form
    score = round(best * factor, 1)
    if best_form is None or score < THRESHOLD:
        return None
    return MarkHit(
        watched.key,
        published.key,
        score,
        rule,
        best_form.text,
        best_form.kind,
        common,
        near,
    )


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable of two letters or more ("xiao", "mi", "ang")."""
    from pypinyin import Style
    from pypinyin.constants import PINYIN_DICT
    from pypinyin.style import convert

    toned = {syllable for value in PINYIN_DICT.values() for syllable in value.split(",")}
    plain = {convert(syllable, Style.NORMAL, strict=True) for syllable in toned}
    return frozenset(s for s in plain if s.isascii() and s.isalpha() and len(s) >= 2)


def looks_chinese(text: str) -> bool:
    """Whether a published mark looks like a Chinese brand: it has Chinese characters, or its
    distinctive Latin part reads as two to four pinyin syllables ("XIAOMI", "HAIGANG").
    A hint for finding owners who file many Chinese brands, not a similarity rule."""
    mark = published_mark("", text)
    if mark.cjk:
        return True
    key = mark.compact
    if not 4 <= len(key) <= 24 or not key.isalpha():
        return False
    syllables = pinyin_syllables()
    fewest: list[int | None] = [0] + [None] * len(key)
    for end in range(2, len(key) + 1):
        for size in range(2, min(6, end) + 1):
            before = fewest[end - size]
            if before is not None and key[end - size : end] in syllables:
                count = before + 1
                current = fewest[end]
                fewest[end] = count if current is None else min(current, count)
    return fewest[-1] is not None and 2 <= fewest[-1] <= 4


@lru_cache(maxsize=256)
def _segments(length: int) -> tuple[tuple[int, int], ...]:
    """(start, size) of the parts a key of `length` is cut into for the spelling index: one
    more part than the edits a partner within the spelling threshold can need (a partner may be
    up to a quarter longer), so such a partner contains one part unchanged (pigeonhole, as in
    Pass-Join), shifted by at most that many places."""
    parts = length // 4 + 1
    short, extra = divmod(length, parts)
    cuts, start = [], 0
    for number in range(parts):
        size = short + (1 if number >= parts - extra else 0)
        cuts.append((start, size))
        start += size
    return tuple(cuts)


class MarkIndex:
    """Watched marks indexed so that each published mark is scored only against plausible
    watched marks: exact forms, forms inside the mark, a spelling-part index for close
    spellings, Metaphone keys for sound, and Chinese text and its pinyin."""

    def __init__(self, marks: Sequence[WatchedMark]) -> None:
        self.marks = list(marks)
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.sound: dict[str, list[int]] = defaultdict(list)
        self.cjk: dict[str, list[int]] = defaultdict(list)
        self.tokens: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.parts: dict[tuple[int, int, str], list[int]] = defaultdict(list)
        self.form_keys: list[str] = []
        self.form_marks: list[int] = []
        self.lengths: set[int] = set()
        self.max_cjk = 0
        for number, mark in enumerate(self.marks):
            for form in mark.forms:
                self.exact[form.key].append(number)
                if len(form.key) >= 3:
                    self.sound[_sound_key(form.key)].append(number)
                if len(form.tokens) >= 2:
                    self.tokens[tuple(sorted(form.tokens))].append(number)
                if len(form.key) >= MIN_SPELLING:
                    size, form_id = len(form.key), len(self.form_keys)
                    self.form_keys.append(form.key)
                    self.form_marks.append(number)
                    self.lengths.add(size)
                    for part, (start, width) in enumerate(_segments(size)):
                        self.parts[(size, part, form.key[start : start + width])].append(form_id)
            if mark.cjk:
                self.cjk[mark.cjk].append(number)
                self.max_cjk = max(self.max_cjk, len(mark.cjk))
        self.key_array = numpy.array(self.form_keys, dtype=object)
        self.mark_array = numpy.array(self.form_marks, dtype=numpy.int64)

    def _spelled_alike(self, key: str, found: set[int]) -> None:
        """Marks with a form within the spelling threshold of `key`: forms sharing a part
        with it (each form length a partner can have, each of its parts, at each place it can
        have moved to), kept when their edit-distance similarity reaches the threshold."""
        size = len(key)
        forms: set[int] = set()
        for length in range(max(MIN_SPELLING, -(-size * 4 // 5)), size * 5 // 4 + 1):
            if length not in self.lengths:
                continue
            edits, delta = length // 4, size - length
            for part, (start, width) in enumerate(_segments(length)):
                # Pass-Join's multi-match-aware window: part i moved by at most i places
                # left of it and by the rest of the edits right of it.
                low = max(0, start - part, start + delta - (edits - part))
                high = min(size - width, start + part, start + delta + (edits - part))
                for place in range(low, high + 1):
                    forms.update(self.parts.get((length, part, key[place : place + width]), ()))
        if not forms:
            return
        ids = numpy.fromiter(forms, dtype=numpy.int64, count=len(forms))
        similar = process.cdist(
            [key],
            self.key_array[ids],
            scorer=Levenshtein.normalized_similarity,
            score_cutoff=THRESHOLD / 100.0 - 0.001,
        )[0]
        found.update(self.mark_array[ids[similar.nonzero()[0]]].tolist())

    def candidates(self, published: PublishedMark) -> set[int]:
        """Indexes of the watched marks worth scoring against `published`."""
        found: set[int] = set()
        compact, full = published.compact, published.full
        if compact:
            found.update(self.exact.get(compact, ()))
            if len(published.words) >= 2:
                found.update(self.tokens.get(tuple(sorted(published.words)), ()))
            floor = max(4, (len(compact) + 1) // 2)
            for start in range(len(full)):
                for end in range(start + floor, len(full) + 1):
                    found.update(self.exact.get(full[start:end], ()))
            if len(compact) >= MIN_SPELLING:
                self._spelled_alike(compact, found)
            if len(compact) >= 3:
                found.update(self.sound.get(_sound_key(compact), ()))
        if published.cjk:
            text = published.cjk
            found.update(self.exact.get(published.cjk_pinyin, ()))
            for start in range(len(text)):
                for end in range(start + 2, min(len(text), start + self.max_cjk) + 1):
                    found.update(self.cjk.get(text[start:end], ()))
            if len(text) == 1:
                found.update(self.cjk.get(text, ()))
        return found

    def match(self, published: Iterable[PublishedMark]) -> tuple[list[MarkHit], int]:
        """Every hit at or above the threshold, and the number of pairs scored."""
        hits: list[MarkHit] = []
        scored = 0
        for mark in published:
            if not mark.distinctive:
                continue
            for number in self.candidates(mark):
                scored += 1
                hit = score_pair(self.marks[number], mark)
                if hit is not None:
                    hits.append(hit)
        return hits, scored


def brute_force(
    marks: Sequence[WatchedMark], published: Iterable[PublishedMark]
) -> tuple[list[MarkHit], int]:
    """Score every pair (the benchmark's baseline and the index's reference)."""
    hits: list[MarkHit] = []
    scored = 0
    for mark in published:
        for watched in marks:
            scored += 1
            hit = score_pair(watched, mark)
            if hit is not None:
                hits.append(hit)
    return hits, scored
