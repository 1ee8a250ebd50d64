"""Celery entry points of the audit trail."""

from __future__ import annotations

from celery import shared_task

from oipa.core.audit.checkpoints import write_checkpoint
from oipa.core.runs import recorded_run


@shared_task(name="oipa.core.audit.tasks.checkpoint_audit_chain")
def checkpoint_audit_chain() -> int | None:
    """Record the chain head in the signed checkpoint file (beat, hourly by default).

    Idempotent: when the head has not moved since the last checkpoint nothing is appended.
    Returns the checkpointed seq, or None when nothing was written.
    """
    with recorded_run("audit.checkpoint_audit_chain") as counts:
        checkpoint = write_checkpoint()
        counts["checkpoint_seq"] = checkpoint.seq if checkpoint is not None else None
    return counts["checkpoint_seq"]
