"""Chinese/English segmentation shared by indexing and querying.

jieba splits Chinese into words, with the IP dictionary in `ip_terms.txt` so that 商标抢注 or
临时禁令 stay whole; the result is space-separated so the database's own tokenizer (FTS5
unicode61, PostgreSQL 'simple') sees one token per word. Indexing also emits the dictionary
sub-words of long words (商标抢注 → 商标, 抢注), and Latin/digit runs are split from Chinese
(337调查 → 337, 调查), so a query for a shorter word finds it inside longer text.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import jieba

DICTIONARY = Path(__file__).with_name("ip_terms.txt")
MAX_QUERY_TOKENS = 12
MAX_TOKEN_CHARS = 40

# Latin (with accents) and digits; CJK ideographs; kana; hangul. Everything else separates words.
_WORD = re.compile(
    r"[0-9a-z\u00c0-\u024f]+|[\u3400-\u9fff\uf900-\ufaff]+|[\u3040-\u30ff]+|[\uac00-\ud7af]+",
    re.IGNORECASE,
)
_LATIN_WORD = re.compile(r"[0-9a-z\u00c0-\u024f]+")
_RUNS = re.compile(r"[\x00-\x7f\u00c0-\u024f]+|[^\x00-\x7f\u00c0-\u024f]+")
_PUNCTUATION = re.compile(r"[\s。，、；：！？（）【】《》“”‘’·…—]+")
_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer with the IP dictionary (loaded once per process)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba.setLogLevel(60)
                instance = jieba.Tokenizer()
                instance.initialize()
                instance.load_userdict(str(DICTIONARY))
                _tokenizer = instance
    return _tokenizer


def _clean(word: str) -> Iterator[str]:
    for match in _WORD.finditer(word.lower()):
        token = match.group(0)[:MAX_TOKEN_CHARS]
        yield token


def index_text(text: str) -> str:
    """Space-separated index tokens of `text` (words, dictionary sub-words, Latin/digit parts)."""
    return " ".join(index_tokens(text))


def index_tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for chunk, is_latin in _chunks(text):
        tokens.extend(_LATIN_WORD.findall(chunk.lower()) if is_latin else _segment_chunk(chunk))
    return tokens


def _chunks(text: str) -> Iterator[tuple[str, bool]]:
    """(piece, is_latin): Latin runs need no jieba; the rest is cut at punctuation into
    sentence-sized pieces, which keeps jieba's work small and lets the cache serve repeats."""
    for run in _RUNS.finditer(text or ""):
        piece = run.group(0)
        if piece[0] < "\u0250":
            yield piece, True
            continue
        for sentence in _PUNCTUATION.split(piece):
            if sentence:
                yield sentence, False


@lru_cache(maxsize=65536)
def _segment_chunk(chunk: str) -> tuple[str, ...]:
    out: list[str] = []
    seg = tokenizer()
    for word in seg.cut(chunk, HMM=False):
        tokens = list(_clean(word))
        if not tokens:
            continue
        out.extend(tokens)
        if len(tokens) == 1 and tokens[0] == word.lower():
            out.extend(_sub_words(word, seg))
    return tuple(out)


def _sub_words(word: str, seg: jieba.Tokenizer) -> Iterator[str]:
    if len(word) <= 2 or not re.fullmatch(r"[\u3400-\u9fff]+", word):
        return
    freq = seg.FREQ
    for size in (2, 3):
        for start in range(len(word) - size + 1):
            part = word[start : start + size]
            if part != word and freq.get(part):
                yield part


def query_tokens(text: str) -> list[str]:
    """The distinct words of a user's query (jieba precise mode), at most MAX_QUERY_TOKENS.

    Everything that is not a letter, digit or CJK character is dropped, so FTS syntax (quotes, `*`,
    `-`, parentheses) never reaches the engine; words like NEAR or OR are ordinary tokens.
    """
    seen: list[str] = []
    seg = tokenizer()
    for chunk, is_latin in _chunks((text or "")[:1000]):
        words = _LATIN_WORD.findall(chunk.lower()) if is_latin else seg.cut(chunk, HMM=False)
        for word in words:
            for token in _clean(word):
                if token not in seen:
                    seen.append(token)
                if len(seen) >= MAX_QUERY_TOKENS:
                    return seen
    return seen
