"""Running a search: tokens → the engine's own full-text query → ranked hits, facets, snippets.

The MATCH expression (SQLite) and tsquery (PostgreSQL) are built only from tokens that contain
letters, digits or CJK characters, each quoted or passed as a bound parameter, so nothing a user
types is interpreted as query syntax. Every token must occur (AND). Title matches weigh more than
body matches on both engines (bm25 column weights; tsvector weights A/B).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .segment import query_tokens

TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
SNIPPET_CHARS = 160
# Bounds that keep a query for a very common word fast: facets are counted over the first
# FACET_SCAN_LIMIT matches (the total then shows as "at least"), and ranking looks at the newest
# CANDIDATES matches with the word in the title plus the newest CANDIDATES matches anywhere.
FACET_SCAN_LIMIT = 1000
CANDIDATES = 1000
KINDS = ("profile", "case", "guide", "bulletin", "institution", "mediation_body")
_COLUMNS = "e.id, e.kind, e.key, e.title, e.body, e.url, e.jurisdictions, e.ip_types, e.industries"


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    jurisdiction: str = ""
    ip_type: str = ""
    industry: str = ""


@dataclass(frozen=True)
class Hit:
    kind: str
    key: str
    title: str
    url: str
    title_html: SafeString
    snippet_html: SafeString
    jurisdictions: tuple[str, ...]
    ip_types: tuple[str, ...]
    industries: tuple[str, ...]


@dataclass
class Results:
    tokens: list[str]
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    capped: bool = False  # total stopped counting at FACET_SCAN_LIMIT
    facets: dict[str, Counter] = field(default_factory=dict)

    @property
    def facet_items(self) -> dict[str, list[tuple[str, int]]]:
        """Each facet's (value, count) pairs, most frequent first (for templates)."""
        return {name: counter.most_common() for name, counter in self.facets.items()}


def search(
    text: str,
    *,
    filters: Filters = Filters(),
    limit: int = 20,
    offset: int = 0,
    facets: bool = True,
) -> Results:
    """Ranked public documents containing every word of `text`, within `filters`.

    Empty or meaningless input (only punctuation, only FTS operators) gives no hits and no error.
    """
    tokens = query_tokens(text)
    results = Results(tokens=tokens)
    if not tokens:
        return results
    backend = _SQLITE if connection.vendor == "sqlite" else _POSTGRES
    title_where, title_params = _with_filters(*backend.match(tokens, title_only=True), filters)
    where, params = _with_filters(*backend.match(tokens), filters)
    score = backend.score_params(tokens)
    ranked = (
        "SELECT id, MIN(grp) AS grp, MIN(score) AS score FROM ("
        f"{backend.candidates(title_where, 0, filters)} UNION ALL "
        f"{backend.candidates(where, 1, filters)}"
        ") c GROUP BY id ORDER BY grp, score, id LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor, _prefer_indexes(cursor):
        cursor.execute(
            f"SELECT {_COLUMNS} FROM ({ranked}) r JOIN knowledge_searchentry e ON e.id = r.id "
            "ORDER BY r.grp, r.score, e.id",
            [*score, *title_params, CANDIDATES, *score, *params, CANDIDATES, limit, offset],
        )
        rows = cursor.fetchall()
        if facets:
            cursor.execute(
                "SELECT kind, jurisdictions, ip_types, industries, COUNT(*) FROM ("
                f"SELECT e.kind, e.jurisdictions, e.ip_types, e.industries FROM {backend.source} "
                f"WHERE {where} LIMIT %s) s GROUP BY kind, jurisdictions, ip_types, industries",
                [*params, FACET_SCAN_LIMIT],
            )
            results.facets = _count_facets(cursor.fetchall())
            results.total = sum(results.facets["kind"].values())
            results.capped = results.total >= FACET_SCAN_LIMIT
    results.hits = [_hit(row, tokens) for row in rows]
    if not facets:
        results.total = len(results.hits)
    return results


@contextmanager
def _prefer_indexes(cursor):
    """PostgreSQL prices testing `@@` row by row far below what detoasting each vector costs,
    and picks a sequential scan over the GIN index once many rows match (five times slower).
    Turn sequential scans off for this search only: `set_config(..., true)` is transaction-local
    and restored afterwards; on an error the savepoint's rollback undoes it."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        cursor.execute("SELECT current_setting('enable_seqscan')")
        previous = cursor.fetchone()[0]
        cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
        yield
        cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])


class _Backend(ABC):
    source = ""
    source_unfiltered = ""
    row_id = ""
    score = ""  # smaller is better on both engines

    @abstractmethod
    def match(self, tokens: list[str], *, title_only: bool = False) -> tuple[str, list]:
        """The WHERE condition matching every token (in the title only, if asked) and its
        parameters."""

    def score_params(self, tokens: list[str]) -> list:
        return []

    def candidates(self, where: str, group: int, filters: Filters) -> str:
        """The newest CANDIDATES matches with their score: ranking is bounded for very common
        words, and title matches (group 0) are collected separately so they always come first."""
        source = self.source if filters != Filters() else self.source_unfiltered
        return (
            f"SELECT * FROM (SELECT {self.row_id} AS id, {group} AS grp, {self.score} AS score "
            f"FROM {source} WHERE {where} ORDER BY {self.row_id} DESC LIMIT %s) g{group}"
        )


class _Sqlite(_Backend):
    source = (
        "knowledge_search_fts JOIN knowledge_searchentry e ON e.id = knowledge_search_fts.rowid"
    )
    source_unfiltered = "knowledge_search_fts"
    row_id = "knowledge_search_fts.rowid"
    score = f"bm25(knowledge_search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})"

    def match(self, tokens: list[str], *, title_only: bool = False) -> tuple[str, list]:
        expression = " AND ".join('"' + token.replace('"', '""') + '"' for token in tokens)
        if title_only:
            expression = f"title_tokens : ({expression})"
        return "knowledge_search_fts MATCH %s", [expression]


class _Postgres(_Backend):
    source = source_unfiltered = "knowledge_searchentry e"
    row_id = "e.id"
    # Weights D, C, B (body), A (title); negated so that smaller is better, as with bm25().
    score = "-ts_rank('{0.01, 0.02, 0.05, 1.0}', e.vector, plainto_tsquery('simple', %s))"

    def match(self, tokens: list[str], *, title_only: bool = False) -> tuple[str, list]:
        column = "e.title_vector" if title_only else "e.vector"
        return f"{column} @@ plainto_tsquery('simple', %s)", [" ".join(tokens)]

    def score_params(self, tokens: list[str]) -> list:
        return [" ".join(tokens)]

    def candidates(self, where: str, group: int, filters: Filters) -> str:
        # `e.id + 0` keeps the planner off a backward primary-key scan that would test every
        # row's vector; the GIN index finds the matches and only the newest CANDIDATES of them
        # are ranked (ts_rank is computed outside the LIMIT).
        alias = f"g{group}"
        score = self.score.replace("e.vector", f"{alias}.vector")
        return (
            f"SELECT {alias}.id AS id, {group} AS grp, {score} AS score FROM ("
            f"SELECT e.id, e.vector FROM {self.source} WHERE {where} "
            f"ORDER BY e.id + 0 DESC LIMIT %s) {alias}"
        )


_SQLITE = _Sqlite()
_POSTGRES = _Postgres()


def _with_filters(where: str, params: list, filters: Filters) -> tuple[str, list]:
    clauses, params = [where], list(params)
    if filters.kind:
        clauses.append("e.kind = %s")
        params.append(filters.kind)
    facets = (
        ("jurisdictions", filters.jurisdiction),
        ("ip_types", filters.ip_type),
        ("industries", filters.industry),
    )
    for column, value in facets:
        if value:
            clauses.append(f"e.{column} LIKE %s")
            params.append(f"%|{value}|%")
    return " AND ".join(clauses), params


def _split(value: str) -> tuple[str, ...]:
    return tuple(code for code in (value or "").split("|") if code)


def _count_facets(rows) -> dict[str, Counter]:
    counts: dict[str, Counter] = {
        "kind": Counter(),
        "jurisdiction": Counter(),
        "ip_type": Counter(),
        "industry": Counter(),
    }
    for kind, jurisdictions, ip_types, industries, n in rows:
        counts["kind"][kind] += n
        for name, value in (
            ("jurisdiction", jurisdictions),
            ("ip_type", ip_types),
            ("industry", industries),
        ):
            for code in _split(value):
                counts[name][code] += n
    return counts


def _hit(row, tokens: list[str]) -> Hit:
    _id, kind, key, title, body, url, jurisdictions, ip_types, industries = row
    return Hit(
        kind=kind,
        key=key,
        title=title,
        url=url,
        title_html=highlight(title, tokens),
        snippet_html=highlight(_window(body, tokens), tokens),
        jurisdictions=_split(jurisdictions),
        ip_types=_split(ip_types),
        industries=_split(industries),
    )


def _window(body: str, tokens: list[str]) -> str:
    lowered = body.lower()
    positions = [p for p in (lowered.find(t) for t in tokens) if p >= 0]
    start = max(0, min(positions) - SNIPPET_CHARS // 3) if positions else 0
    text = body[start : start + SNIPPET_CHARS]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + SNIPPET_CHARS < len(body) else ""
    return prefix + text + suffix


def highlight(text: str, tokens: list[str]) -> SafeString:
    """`text` HTML-escaped, with each occurrence of a token wrapped in <mark>."""
    if not tokens:
        return escape(text)
    pattern = re.compile(
        "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True)), re.IGNORECASE
    )
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above
