"""Learn Chinese words' usual English renderings from (Chinese name, official English name) pairs.

Run as ``python -m oipa.matching.learn PAIRS.csv > src/oipa/matching/data/learned.tsv``; the CSV
needs the columns ``fullname`` (Chinese legal name) and ``enname`` (official English name), like
../shared/data/cn_companies/Astock.csv. Only the rows of the *tuning* part are read (see
`is_tuning`): the other part stays held out, so that `bench/matching_quality.py` measures the
learned words on companies they were not learned from.

For each pair, the distinctive parts left after `normalize` (Chinese characters / Latin tokens)
are aligned left to right: a Latin token that is the pinyin of a run of characters (any reading
of a polyphone) anchors them; a run of characters between anchors facing a run of unexplained
Latin tokens is a rendering ("北方" / "north"). A rendering seen at least `MIN_COUNT` times, and
for most of that Chinese run's occurrences, is kept: as a *trade* when the run usually ends the
distinctive part (it is then set aside like 科技, "钼业" / "molybdenum"), otherwise as a *word*
that generated English forms translate instead of spelling it in pinyin ("东方" / "eastern").
"""

from __future__ import annotations

import csv
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache

from pypinyin import Style, pinyin

from .normalize import CJK, fold
from .words import LEGAL, PLACE, STOP_WORDS, latin_tokens, lexicon

_CJK = re.compile(f"[{CJK}]+")
MIN_COUNT = 2
MAX_RUN = 4
TRADE = "trade"
WORD = "word"


def is_tuning(code: str) -> bool:
    """Whether a company (by its stock code) belongs to the tuning part (about half)."""
    return zlib.crc32(code.encode("utf-8")) % 2 == 0


@lru_cache(maxsize=65_536)
def readings(char: str) -> tuple[str, ...]:
    """Toneless readings of one character, most common first (polyphones have several)."""
    found = pinyin(char, style=Style.NORMAL, heteronym=True)
    return tuple(r for r in found[0] if r.isascii() and r.isalpha()) if found else ()


def spells(cjk: str, token: str) -> bool:
    """Whether `token` is a pinyin spelling of `cjk` (one reading per character, run together)."""
    rest = {token}
    for char in cjk:
        rest = {r[len(s) :] for r in rest for s in readings(char) if r.startswith(s)}
        if not rest:
            return False
    return "" in rest


def chinese_run(chinese: str) -> str:
    """The Chinese characters of a legal name without leading places and legal forms."""
    lex = lexicon(learned=False)
    text = "".join(_CJK.findall(fold(chinese)))
    for legal in sorted((w for w, v in lex.zh.items() if v.cls == LEGAL), key=len, reverse=True):
        text = text.replace(legal, "")
    while True:
        for size in range(min(lex.zh_max, len(text)), 0, -1):
            word = lex.zh.get(text[:size])
            if word is not None and word.cls == PLACE:
                text = text[size:]
                break
        else:
            return text


def _same_word(run: str, phrase: tuple[str, ...]) -> bool:
    lex = lexicon(learned=False)
    zh, en = lex.zh.get(run), lex.en.get(phrase)
    return zh is not None and en is not None and zh.cls == en.cls and zh.canonical == en.canonical


def align(cjk: str, tokens: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """The renderings (Chinese run, Latin tokens) of the best left-to-right alignment: the
    one that explains the most characters by pinyin or by the shipped word tables, then the
    one that renders the most of the rest."""
    skippable = [t in STOP_WORDS for t in tokens]

    @cache
    def best(c: int, t: int) -> tuple[tuple[int, int, int, int], tuple]:
        """((characters explained, characters rendered, tokens used, -renderings), renderings)."""
        if c == len(cjk) or t == len(tokens):
            return (0, 0, 0, 0), ()
        options = []
        if skippable[t]:
            options.append(best(c, t + 1))
        for end in range(c + 1, min(len(cjk), c + MAX_RUN + 2) + 1):
            for stop in range(t + 1, min(len(tokens), t + 4) + 1):
                if (stop == t + 1 and spells(cjk[c:end], tokens[t])) or _same_word(
                    cjk[c:end], tokens[t:stop]
                ):
                    (known, rendered, used, gaps), found = best(end, stop)
                    options.append(((known + end - c, rendered, used + stop - t, gaps), found))
        for end in range(c + 1, min(len(cjk), c + MAX_RUN) + 1):
            for stop in range(t + 1, min(len(tokens), t + 3) + 1):
                (known, rendered, used, gaps), found = best(end, stop)
                gap = (cjk[c:end], tokens[t:stop])
                score = (known, rendered + end - c, used + stop - t, gaps - 1)
                options.append((score, (gap, *found)))
        return max(options, key=lambda o: o[0])

    return list(best(0, 0)[1])


def english_tokens(english: str) -> tuple[str, ...]:
    """Latin tokens of an English name in order, legal forms and places left out (trade words
    stay: they are what a Chinese run may be rendered as)."""
    en = lexicon(learned=False).en
    return tuple(
        t
        for t in latin_tokens(fold(english))
        if getattr(en.get((t,)), "cls", None) not in (LEGAL, PLACE)
    )


def renderings(pairs: Iterable[tuple[str, str]]):
    """(run, rendering) counts, how often each run was seen, and how often it ended a name."""
    counts: Counter[tuple[str, str]] = Counter()
    seen: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    for chinese, english in pairs:
        cjk, tokens = chinese_run(chinese), english_tokens(english)
        if not cjk or not tokens:
            continue
        for run, words in align(cjk, tokens):
            if len(run) > MAX_RUN or any(t.isdigit() for t in words):
                continue
            counts[(run, " ".join(words))] += 1
            seen[run] += 1
            ends[run] += cjk.endswith(run) and len(run) < len(cjk)
    return counts, seen, ends


def learned(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str, str, int]]:
    """Rows (Chinese run, English, trade|word, count), most frequent first."""
    counts, seen, ends = renderings(pairs)
    by_run: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (run, words), count in counts.items():
        by_run[run].append((count, words))
    rows = []
    for run, options in by_run.items():
        count, words = max(options)
        if count < MIN_COUNT or count * 2 <= seen[run] or len(run) < 2 and count < 3:
            continue
        rows.append((run, words, TRADE if ends[run] * 2 > seen[run] else WORD, count))
    return sorted(rows, key=lambda r: (-r[3], r[0]))


def tuning_pairs(path: str) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [
        (r["fullname"], r["enname"])
        for r in rows
        if r.get("fullname") and r.get("enname") and is_tuning(r.get("ts_code", r["fullname"]))
    ]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    print("# Learned by `python -m oipa.matching.learn` from the tuning half of the pairs file.")
    print("# Columns: Chinese run, English rendering, trade|word, times seen.")
    for run, words, cls, count in learned(tuning_pairs(argv[0])):
        print(f"{run}\t{words}\t{cls}\t{count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
