"""The yearly quality directory: entries prepared by the Center, then published as a dated list."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.core.audit.services import record_event

from ..models import Institution, ListingStatus, QualityDirectory, QualityDirectoryEntry
from ..search import reindex_on_commit
from ._common import require_center_staff

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= int(year) <= LAST_YEAR:
        raise ValidationError({"year": _("Give a year between 2000 and 2100.")})


def add_to_quality_directory(
    *, actor: Any, institution: Institution, year: int
) -> QualityDirectoryEntry:
    """Center staff enter a listed institution in a year's quality directory (not yet
    published; a published year's list is final)."""
    require_center_staff(actor)
    _check_year(year)
    if institution.status != ListingStatus.LISTED:
        raise ValidationError(_("Only listed institutions can enter the quality directory."))
    with transaction.atomic():
        edition, _created = QualityDirectory.objects.get_or_create(year=year)
        if edition.published_on is not None:
            raise ValidationError(
                _("The %(year)d directory is already published.") % {"year": year}
            )
        entry, created = QualityDirectoryEntry.objects.get_or_create(
            edition=edition, institution=institution
        )
        if not created:
            raise ValidationError(
                _("The institution is already in the %(year)d directory.") % {"year": year}
            )
        record_event(
            actor=actor,
            action="directory.quality_entry_added",
            target=institution,
            after={"year": year},
        )
    return entry


def remove_from_quality_directory(*, actor: Any, institution: Institution, year: int) -> None:
    """Center staff take an institution out of a year's directory before it is published."""
    require_center_staff(actor)
    with transaction.atomic():
        removed, _rows = QualityDirectoryEntry.objects.filter(
            edition__year=year, edition__published_on__isnull=True, institution=institution
        ).delete()
        if not removed:
            raise ValidationError(
                _("The institution is not in an unpublished directory of that year.")
            )
        record_event(
            actor=actor,
            action="directory.quality_entry_removed",
            target=institution,
            before={"year": year},
        )


def publish_quality_directory(
    *, actor: Any, year: int, published_on: date | None = None
) -> QualityDirectory:
    """Center staff publish a year's quality directory as a dated list (page and Excel)."""
    require_center_staff(actor)
    _check_year(year)
    published_on = published_on or timezone.localdate()
    with transaction.atomic():
        edition = QualityDirectory.objects.filter(year=year).first()
        if edition is None or not edition.entries.exists():
            raise ValidationError(
                _("The %(year)d directory has no institutions yet.") % {"year": year}
            )
        changed = QualityDirectory.objects.filter(pk=edition.pk, published_on__isnull=True).update(
            published_on=published_on
        )
        if not changed:
            raise ValidationError(
                _("The %(year)d directory is already published.") % {"year": year}
            )
        edition.refresh_from_db()
        record_event(
            actor=actor,
            action="directory.quality_directory_published",
            target=edition,
            after={"year": year, "published_on": published_on.isoformat()},
        )
        for code in edition.entries.values_list("institution__code", flat=True):
            reindex_on_commit("institution", code)
    return edition
