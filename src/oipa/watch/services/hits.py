"""Matching new publications against the watched marks, and staff dismissing false positives.

A hit is unique per (publication, watched mark), so matching a run again (a retried task, a
second worker) creates nothing twice. A hit on a (watched mark, published mark, owner) that staff
dismissed before is stored as dismissed by that decision and warns nobody.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.core.audit.services import record_event
from oipa.matching.marks import MarkIndex, published_mark, watched_mark

from ..access import is_center_staff
from ..deadlines import opposition_deadline
from ..models import (
    Dismissal,
    Hit,
    HitStatus,
    ImportRun,
    Publication,
    RiskWarning,
    WatchedMark,
)
from ..owners import normalize_owner
from .warnings import warn_for_publication


def build_index() -> tuple[MarkIndex, dict[str, WatchedMark]]:
    """The matching index over every active watched mark, and the marks by key."""
    marks = {
        str(m.pk): m
        for m in WatchedMark.objects.active().only(
            "pk", "word_mark", "english_forms", "nice_classes", "jurisdictions"
        )
    }
    index = MarkIndex(
        [
            watched_mark(
                key,
                m.word_mark,
                english=m.english_forms,
                classes=m.nice_classes,
                jurisdictions=m.jurisdictions,
            )
            for key, m in marks.items()
        ]
    )
    return index, marks


def mark_key(text: str) -> str:
    """The remembered form of a published mark's text."""
    return normalize_owner(text)


def match_run(run_id: int) -> int:
    """Match the run's publications not matched yet against the active watched marks, store
    the hits and warn the enterprises; the number of hits created (0 when run again)."""
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return 0
    pending = Publication.objects.filter(first_run=run, matched_at__isnull=True)
    created = match_publications(list(pending))
    ImportRun.objects.filter(pk=run.pk).update(
        matched_at=timezone.now(),
        hits=Hit.objects.filter(publication__first_run=run).count(),
        warnings=RiskWarning.objects.filter(publication__first_run=run).count(),
    )
    return created


def match_publications(publications: list[Publication]) -> int:
    """Score `publications` against the active watched marks; the number of hits created."""
    if not publications:
        return 0
    index, marks = build_index()
    created = 0
    for publication in publications:
        candidate = published_mark(
            str(publication.pk),
            publication.mark_text,
            classes=publication.nice_classes,
            jurisdiction=publication.jurisdiction,
        )
        found, _scored = index.match([candidate])
        with transaction.atomic():
            for found_hit in found:
                created += _store_hit(publication, marks[found_hit.watched_key], found_hit)
            Publication.objects.filter(pk=publication.pk).update(matched_at=timezone.now())
            warn_for_publication(publication)
    return created


def backfill_mark(mark_id: int, *, days: int | None = None) -> int:
    """Match one watched mark against the publications already imported in the last `days`
    days (`WATCH_BACKFILL_DAYS`), so a mark watched today is warned of squats published while
    their opposition window may still be open; the number of hits created (0 when run again).
    Warnings follow the same once-per-enterprise-and-publication rule as a fresh import."""
    mark = WatchedMark.objects.active().filter(pk=mark_id).first()
    if mark is None:
        return 0
    days = settings.WATCH_BACKFILL_DAYS if days is None else days
    since = timezone.localdate() - timedelta(days=days)
    recent = Q(publication_date__gte=since)
    recent |= Q(publication_date__isnull=True, filing_date__gte=since)
    publications = {
        str(p.pk): p for p in Publication.objects.filter(recent, matched_at__isnull=False)
    }
    index = MarkIndex(
        [
            watched_mark(
                str(mark.pk),
                mark.word_mark,
                english=mark.english_forms,
                classes=mark.nice_classes,
                jurisdictions=mark.jurisdictions,
            )
        ]
    )
    candidates = [
        published_mark(key, p.mark_text, classes=p.nice_classes, jurisdiction=p.jurisdiction)
        for key, p in publications.items()
    ]
    found, _scored = index.match(candidates)
    created = 0
    for found_hit in found:
        publication = publications[found_hit.published_key]
        with transaction.atomic():
            new = _store_hit(publication, mark, found_hit)
            if new:
                warn_for_publication(publication)
        created += new
    return created


def _store_hit(publication: Publication, mark: WatchedMark, found: Any) -> int:
    deadline = opposition_deadline(publication.office, publication.publication_date)
    dismissed = Dismissal.objects.filter(
        watched_mark=mark,
        mark_normalized=mark_key(publication.mark_text),
        owner_normalized=publication.owner_normalized,
    ).exists()
    values = {
        "score": found.score,
        "rule": found.rule,
        "form": found.form[:300],
        "form_kind": found.form_kind,
        "classes_in_common": list(found.classes_in_common),
        "related_classes": list(found.related_classes),
        "deadline": deadline.due,
        "deadline_basis": deadline.basis,
    }
    hit = Hit.objects.filter(publication=publication, watched_mark=mark).first()
    if hit is not None:
        Hit.objects.filter(pk=hit.pk).update(**values)
        return 0
    status = HitStatus.AUTO_DISMISSED if dismissed else HitStatus.OPEN
    try:
        with transaction.atomic():
            Hit.objects.create(publication=publication, watched_mark=mark, status=status, **values)
    except IntegrityError:
        return 0  # a concurrent worker stored it first
    return 1


def dismiss_hit(*, actor: Any, hit: Hit) -> Hit:
    """Center staff mark a hit as a false positive. The decision is remembered for the same
    watched mark, published mark and owner, so later publications of that pair are dismissed
    too. A warning already sent stays (the enterprise saw it); an unsent one is not sent."""
    if not is_center_staff(actor):
        raise PermissionDenied(_("Only Center staff may do this."))
    with transaction.atomic():
        updated = Hit.objects.filter(
            pk=hit.pk, status__in=(HitStatus.OPEN, HitStatus.AUTO_DISMISSED)
        ).update(status=HitStatus.DISMISSED, decided_by=actor, decided_at=timezone.now())
        if not updated:
            raise ValidationError(_("This hit was already dismissed."))
        publication = hit.publication
        Dismissal.objects.get_or_create(
            watched_mark=hit.watched_mark,
            mark_normalized=mark_key(publication.mark_text),
            owner_normalized=publication.owner_normalized,
            defaults={"decided_by": actor},
        )
        record_event(
            actor=actor,
            action="watch.hit_dismissed",
            target=hit,
            organization=hit.watched_mark.organization,
            before={"status": hit.status},
            after={"status": HitStatus.DISMISSED, "publication": str(publication.code)},
        )
    hit.refresh_from_db()
    return hit
