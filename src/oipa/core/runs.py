"""A visible run record around each background task."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import timezone

from .models import TaskRun

logger = logging.getLogger(__name__)


@contextmanager
def recorded_run(task: str) -> Iterator[dict]:
    """Record a run of `task`; the body fills the yielded dict with counts.

    The record is written outside the task's own transactions, so a failure is recorded too
    (with its error) before the exception propagates to Celery.
    """
    run = TaskRun.objects.create(task=task)
    counts: dict = {}
    try:
        yield counts
    except Exception as exc:
        TaskRun.objects.filter(pk=run.pk).update(
            status=TaskRun.Status.FAILED,
            finished_at=timezone.now(),
            counts=counts,
            error=f"{type(exc).__name__}: {exc}"[:2000],
        )
        logger.exception("task %s failed", task)
        raise
    TaskRun.objects.filter(pk=run.pk).update(
        status=TaskRun.Status.SUCCEEDED, finished_at=timezone.now(), counts=counts
    )
