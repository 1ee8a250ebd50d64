"""Celery entry points of the information service. They take IDs and are safe to run twice."""

from __future__ import annotations

from celery import shared_task

from oipa.core.runs import recorded_run

from . import push
from .search.index import rebuild_index


@shared_task(name="oipa.knowledge.tasks.push_bulletin")
def push_bulletin(bulletin_id: int) -> int:
    """Notify the subscribers of a published bulletin; how many were notified (0 on a retry)."""
    with recorded_run("knowledge.push_bulletin") as counts:
        counts["notified"] = push.push_bulletin(bulletin_id)
    return counts["notified"]


@shared_task(name="oipa.knowledge.tasks.rebuild_search_index")
def rebuild_search_index() -> int:
    """Rebuild the whole search index from the providers; the number of documents."""
    with recorded_run("knowledge.rebuild_search_index") as counts:
        counts["documents"] = rebuild_index()
    return counts["documents"]
