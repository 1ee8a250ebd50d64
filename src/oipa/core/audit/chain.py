"""Verification of the audit hash chain against its head row and the signed checkpoints.

`verify_chain` streams every event in `seq` order (2,000 rows per fetch, so a million rows never
sit in memory) and stops at the first problem:

- a missing `seq` (events deleted, or renumbered to make room for an insertion),
- a `prev_hash` that is not the previous event's hash (a row inserted, removed or swapped),
- a stored hash that does not match the event's content (a row edited),
- an event that disagrees with the chain head row or with a signed checkpoint (the chain was
  rewritten from some point on),
- and, after the last row, a chain shorter than the head row or the newest checkpoint records
  (the newest events were cut off), or longer than the head row (rows added outside the service).

A checkpoint line whose signature does not verify is reported before the events are read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from oipa.core.audit.checkpoints import (
    Checkpoint,
    InvalidCheckpoint,
    read_checkpoints,
    write_checkpoint,
)
from oipa.core.audit.hashing import ALGORITHMS, HASHED_FIELDS, event_hash
from oipa.core.audit.models import GENESIS_HASH, AuditChainHead, AuditEvent

__all__ = ["Checkpoint", "VerifyResult", "verify_chain", "write_checkpoint"]

CHUNK_SIZE = 2000


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of a verification: `ok`, events `checked`, and the first broken event if any."""

    ok: bool
    checked: int
    first_broken_seq: int | None = None
    reason: str = ""
    checkpoints: int = 0


@dataclass(frozen=True)
class _Break:
    seq: int | None
    reason: str


def verify_chain(*, checkpoints: bool = True) -> VerifyResult:
    """Check the whole stored chain; with `checkpoints`, also against the checkpoint file."""
    try:
        anchors = read_checkpoints() if checkpoints else []
    except InvalidCheckpoint as exc:
        return VerifyResult(False, 0, exc.seq, exc.reason)
    # One transaction: PostgreSQL then streams through a plain server-side cursor.
    with transaction.atomic():
        head = _head()
        walker = _Walker(head, anchors)
        rows = AuditEvent.objects.order_by("seq").values(*HASHED_FIELDS, "hash")
        problem = walker.walk(rows.iterator(chunk_size=CHUNK_SIZE))
        problem = problem or walker.check_end(anchors, _head())
    if problem is not None:
        return VerifyResult(False, walker.checked, problem.seq, problem.reason, len(anchors))
    return VerifyResult(True, walker.checked, None, "", len(anchors))


def _head() -> tuple[int, str]:
    row = AuditChainHead.objects.filter(pk=1).values_list("seq", "hash").first()
    return row if row is not None else (0, GENESIS_HASH)


class _Walker:
    """Follows the chain row by row, remembering the previous hash and the next expected seq."""

    def __init__(self, head: tuple[int, str], anchors: list[Checkpoint]) -> None:
        self.head = head
        self.expected: dict[int, set[str]] = {}
        for anchor in anchors:
            self.expected.setdefault(anchor.seq, set()).add(anchor.hash)
        self.checked = 0
        self.last_seq = 0
        self.last_hash = GENESIS_HASH

    def walk(self, rows: Iterable[dict[str, Any]]) -> _Break | None:
        for row in rows:
            problem = self.step(row)
            if problem is not None:
                return problem
        return None

    def step(self, row: dict[str, Any]) -> _Break | None:
        seq = row["seq"]
        expected_seq = self.last_seq + 1
        if seq != expected_seq:
            return _Break(
                expected_seq,
                _(
                    "Event %(missing)d is missing (the next stored event is %(found)d): "
                    "events were deleted or renumbered."
                )
                % {"missing": expected_seq, "found": seq},
            )
        problem = self._content_problem(seq, row)
        if problem is not None:
            return problem
        self.checked += 1
        self.last_seq = seq
        self.last_hash = row["hash"]
        return None

    def _content_problem(self, seq: int, row: dict[str, Any]) -> _Break | None:
        if row["prev_hash"] != self.last_hash:
            return _Break(
                seq,
                _(
                    "Event %(seq)d does not link to the event before it: an event was "
                    "inserted, removed, swapped or rewritten."
                )
                % {"seq": seq},
            )
        if row["algorithm"] not in ALGORITHMS or _recomputed(row) != row["hash"]:
            return _Break(
                seq,
                _("Event %(seq)d was altered: its content does not match its hash.") % {"seq": seq},
            )
        anchored = self.expected.get(seq)
        if anchored is not None and anchored != {row["hash"]}:
            return _Break(
                seq,
                _("Event %(seq)d does not match the signed checkpoint: the chain was rewritten.")
                % {"seq": seq},
            )
        if seq == self.head[0] and row["hash"] != self.head[1]:
            return _Break(
                seq,
                _("Event %(seq)d does not match the recorded chain head: the chain was rewritten.")
                % {"seq": seq},
            )
        return None

    def check_end(self, anchors: list[Checkpoint], head_after: tuple[int, str]) -> _Break | None:
        newest_anchor = max((a.seq for a in anchors), default=0)
        if self.last_seq < self.head[0]:
            return self._truncated(self.head[0])
        if self.last_seq < newest_anchor:
            return self._truncated(newest_anchor)
        if self.last_seq > head_after[0]:
            return _Break(
                head_after[0] + 1,
                _(
                    "Event %(seq)d lies beyond the recorded chain head: it was added "
                    "outside the audit service."
                )
                % {"seq": head_after[0] + 1},
            )
        return None

    def _truncated(self, recorded: int) -> _Break:
        return _Break(
            self.last_seq + 1,
            _(
                "The newest events were removed: event %(recorded)d was recorded but the last "
                "stored event is %(last)d."
            )
            % {"recorded": recorded, "last": self.last_seq},
        )


def _recomputed(row: dict[str, Any]) -> str | None:
    try:
        return event_hash(row)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
