"""What an attacker with write access to the database might do to the audit table."""

from __future__ import annotations

from typing import Any

from django.db import connection

from oipa.core.audit.hashing import HASHED_FIELDS, event_hash
from oipa.core.audit.models import AuditChainHead, AuditEvent

TABLE = AuditEvent._meta.db_table


def delete_rows(*seqs: int) -> None:
    """Delete events with SQL, as the ORM refuses to."""
    with connection.cursor() as cursor:
        for seq in seqs:
            cursor.execute(f"DELETE FROM {TABLE} WHERE seq = %s", [seq])


def content(seq: int) -> dict[str, Any]:
    """Every stored field of an event except its seq."""
    row = AuditEvent.objects.filter(seq=seq).values(*HASHED_FIELDS, "hash").get()
    del row["seq"]
    return row


def swap_contents(a: int, b: int) -> None:
    first, second = content(a), content(b)
    AuditEvent.objects.filter(seq=a).update(**second)
    AuditEvent.objects.filter(seq=b).update(**first)


def rehash_from(seq: int) -> None:
    """Recompute prev_hash and hash of every event from `seq` on, as a careful forger would."""
    previous = AuditEvent.objects.filter(seq=seq - 1).values_list("hash", flat=True).first()
    for row in AuditEvent.objects.filter(seq__gte=seq).order_by("seq").values(*HASHED_FIELDS):
        if previous is not None:
            row["prev_hash"] = previous
        previous = event_hash(row)
        AuditEvent.objects.filter(seq=row["seq"]).update(prev_hash=row["prev_hash"], hash=previous)


def move_head_to_newest() -> None:
    newest = AuditEvent.objects.order_by("-seq").first()
    AuditChainHead.objects.filter(pk=1).update(seq=newest.seq, hash=newest.hash)
