"""An enterprise's training history for one year: what it registered for and attended."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from .models import Registration, RegistrationStatus


@dataclass(frozen=True)
class YearSummary:
    registered: int
    attended: int
    hours: float


def history(organization, year: int) -> QuerySet[Registration]:
    """The enterprise's registrations (cancelled ones excluded) for events held in `year`."""
    return (
        Registration.objects.filter(organization=organization, event__starts_at__year=year)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at")
    )


def summarize(registrations) -> YearSummary:
    """Counts and the hours of the events attended."""
    rows = list(registrations)
    attended = [r for r in rows if r.attended]
    hours = sum((r.event.ends_at - r.event.starts_at).total_seconds() for r in attended) / 3600
    return YearSummary(registered=len(rows), attended=len(attended), hours=round(hours, 1))
