"""Celery entry points of the squatting watch. They take IDs and are safe to run twice."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

import httpx
from celery import shared_task
from django.conf import settings
from django.utils import timezone

from oipa.core.runs import recorded_run

from . import services
from .models import Office, Publication


@shared_task(name="oipa.watch.tasks.match_run")
def match_run(run_id: int) -> int:
    """Match the run's new publications and warn; the number of hits created (0 on a retry)."""
    with recorded_run("watch.match_run") as counts:
        counts["hits"] = services.match_run(run_id)
    return counts["hits"]


@shared_task(name="oipa.watch.tasks.backfill_mark")
def backfill_mark(mark_id: int) -> int:
    """Match a newly watched (or changed) mark against recent publications; hits created."""
    from .services.hits import backfill_mark as backfill

    with recorded_run("watch.backfill_mark") as counts:
        counts["hits"] = backfill(mark_id)
    return counts["hits"]


@shared_task(name="oipa.watch.tasks.match_pending")
def match_pending() -> int:
    """Safety net (beat): match publications a lost task left unmatched."""
    from .services.hits import match_publications

    with recorded_run("watch.match_pending") as counts:
        pending = list(Publication.objects.filter(matched_at__isnull=True)[:5000])
        counts["publications"] = len(pending)
        counts["hits"] = match_publications(pending)
    return counts["hits"]


def daily_url(day: date) -> str:
    """The USPTO daily applications file of `day` (from `WATCH_USPTO_DAILY_URL`), or ""."""
    template = settings.WATCH_USPTO_DAILY_URL
    return template.format(date=day) if template else ""


def fetch_to_file(url: str, folder: Path) -> Path:
    """Download `url` into `folder` (streamed; daily files are large)."""
    target = folder / (url.rsplit("/", 1)[-1] or "gazette.zip")
    with httpx.stream("GET", url, timeout=120, follow_redirects=True) as response:
        response.raise_for_status()
        with target.open("wb") as out:
            for chunk in response.iter_bytes():
                out.write(chunk)
    return target


@shared_task(name="oipa.watch.tasks.import_uspto_daily")
def import_uspto_daily(day: str | None = None) -> int | None:
    """Import yesterday's (or `day`'s, YYYY-MM-DD) USPTO daily applications file; the run's id,
    or None when no URL is configured. Re-importing the same file changes nothing."""
    when = date.fromisoformat(day) if day else timezone.localdate() - timedelta(days=1)
    url = daily_url(when)
    if not url:
        return None
    with recorded_run("watch.import_uspto_daily") as counts, tempfile.TemporaryDirectory() as tmp:
        path = fetch_to_file(url, Path(tmp))
        run = services.import_gazette(
            actor=None, source="uspto_xml", file=path, office=Office.USPTO
        )
        counts.update({"run": run.pk, "read": run.read, "new": run.new})
    return run.pk
