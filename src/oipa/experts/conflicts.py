"""Conflict-of-interest checks: which experts declared a conflict with a party of a case.

Pure Python over the pool's declarations ((kind, name) pairs per expert, see
`matching.ExpertFacts.conflicts`). `ConflictIndex` builds one name-matching engine over every
declaration, so the parties of many cases are checked in one engine pass, both ways round: a
Chinese party against an English declaration too ("Xiaomi Inc." for 小米科技), through the
party's pinyin. Ranking and batch assignment exclude what it finds at or above the alert
threshold and flag what it finds below it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pypinyin import lazy_pinyin

from oipa.matching import EnterpriseRecord, MatchingEngine

# Per expert row: (kind, declared name, party, score) of the best-matching declaration.
Found = dict[int, tuple[str, str, str, float]]

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_TOKEN = re.compile(r"[a-z]{3,}")
# Words of Latin-script company names that say nothing about which company it is.
_GENERIC_TOKENS = frozenset(
    [
        "inc",
        "llc",
        "ltd",
        "gmbh",
        "corp",
        "corporation",
        "company",
        "limited",
        "holdings",
        "holding",
        "group",
        "international",
        "technology",
        "technologies",
        "tech",
        "electronics",
        "electronic",
        "trading",
        "industrial",
        "industries",
        "co",
        "the",
        "and",
        "beijing",
        "shanghai",
        "shenzhen",
        "tianjin",
        "hangzhou",
        "guangzhou",
        "hebei",
        "china",
        "chinese",
        "global",
    ]
)


class ConflictIndex:
    """The pool's declared conflicts, indexed for matching against case parties. Build once per
    pool change, from each expert's (kind, name) declarations in the pool's row order."""

    def __init__(self, declarations_per_expert: Sequence[Sequence[tuple[str, str]]]) -> None:
        self.declarations: list[tuple[int, str, str]] = [
            (row, kind, name)
            for row, declared in enumerate(declarations_per_expert)
            for kind, name in declared
        ]
        self.engine = MatchingEngine.build(
            EnterpriseRecord(str(i), [name]) for i, (_, _, name) in enumerate(self.declarations)
        )
        # Latin-script declarations by distinctive token, to pick the few worth matching
        # against a Chinese party (whose pinyin must contain one of their tokens).
        self.latin_tokens: dict[str, list[int]] = {}
        for i, (_row, _kind, name) in enumerate(self.declarations):
            if not _CJK.search(name):
                for token in _distinctive_tokens(name):
                    self.latin_tokens.setdefault(token, []).append(i)

    def find(self, parties: Sequence[str]) -> Found:
        """Experts (row → (kind, declared name, party, score)) with a declared conflict that
        matches a party at or above the review threshold, both ways round (a Chinese party
        against an English declaration too)."""
        return self.find_many([parties])[0]

    def find_many(self, cases: Sequence[Sequence[str]]) -> list[Found]:
        """`find` for the parties of many cases, with one engine pass each way."""
        found: list[Found] = [{} for _ in cases]
        if not self.declarations:
            return found

        def offer(case: int, declaration: int, party: str, score: float) -> None:
            row, kind, name = self.declarations[declaration]
            if row not in found[case] or score > found[case][row][3]:
                found[case][row] = (kind, name, party, score)

        owners = [(i, party) for i, parties in enumerate(cases) for party in parties]
        limit = len(self.declarations)
        matched = self.engine.match([party for _, party in owners], limit=limit)
        for (case, _party), matches in zip(owners, matched, strict=True):
            for match in matches:
                offer(case, int(match.enterprise_id), match.party, match.score)
        cases_of: dict[str, list[int]] = {}
        for case, party in owners:
            if _CJK.search(party):
                cases_of.setdefault(party, []).append(case)
        chinese = list(cases_of)
        candidates = sorted({d for party in chinese for d in self._latin_candidates(party)})
        if candidates:
            reverse = MatchingEngine.build(
                EnterpriseRecord(str(k), [party]) for k, party in enumerate(chinese)
            )
            names = [self.declarations[d][2] for d in candidates]
            matched = reverse.match(names, limit=len(chinese))
            for d, matches in zip(candidates, matched, strict=True):
                for match in matches:
                    party = chinese[int(match.enterprise_id)]
                    for case in cases_of[party]:
                        offer(case, d, party, match.score)
        return found

    def _latin_candidates(self, party: str) -> list[int]:
        """Latin-script declarations that could name this Chinese party: one of their
        distinctive tokens occurs in the party's pinyin ("Xiaomi Inc." for 小米科技). A cheap
        filter only; the matching engine decides."""
        spelled = "".join(lazy_pinyin(party)).lower()
        found = {d for token, rows in self.latin_tokens.items() if token in spelled for d in rows}
        return sorted(found)


def _distinctive_tokens(name: str) -> set[str]:
    return {token for token in _LATIN_TOKEN.findall(name.lower()) if token not in _GENERIC_TOKENS}
