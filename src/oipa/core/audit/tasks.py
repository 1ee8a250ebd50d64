"""Celery entry points of the audit trail."""

from __future__ import annotations

from celery import shared_task

from oipa.core.audit.checkpoints import write_checkpoint


@shared_task(name="oipa.core.audit.tasks.checkpoint_audit_chain")
def checkpoint_audit_chain() -> int | None:
    """Record the chain head in the signed checkpoint file (beat, hourly by default).

    Idempotent: when the head has not moved since the last checkpoint nothing is appended.
    Returns the checkpointed seq, or None when nothing was written.
    """
    checkpoint = write_checkpoint()
    return checkpoint.seq if checkpoint is not None else None
