"""Training and publicity events (Art. 16): events, their materials and speakers, and the
enterprises' registrations with waiting list, attendance, feedback and certificates.

Models keep data and invariants only; every change goes through `services.py`. The confirmed
seat count is kept on the event and changed only by conditional updates, and a database check
keeps it within the capacity, so concurrent registrations can never overfill an event.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oipa.accounts.models import Organization, User

from .access import EventQuerySet, RegistrationQuerySet

USER = settings.AUTH_USER_MODEL


class EventKind(models.TextChoices):
    TRAINING = "training", _("Training")
    SEMINAR = "seminar", _("Seminar")
    WEBINAR = "webinar", _("Webinar")
    ROADSHOW = "roadshow", _("Roadshow")
    CLINIC = "clinic", _("One-to-one clinic")


class Audience(models.TextChoices):
    ALL = "all", _("All enterprises")
    INDUSTRY = "industry", _("An industry")
    DISTRICT = "district", _("A Beijing district")
    JJJ = "jjj", _("Beijing, Tianjin and Hebei (JJJ)")


class EventStatus(models.TextChoices):
    OPEN = "open", _("Open for registration")
    CANCELLED = "cancelled", _("Cancelled")


class Event(models.Model):
    """A training, seminar, webinar, roadshow or clinic the Center runs for enterprises.

    `confirmed_count` is the number of confirmed registrations; it only moves through
    conditional updates in the services and can never pass `capacity` (database check).
    """

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.ALL
    )
    industry = models.ForeignKey(
        "taxonomy.Industry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("industry"),
    )
    division_code = models.CharField(_("district"), max_length=6, blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    online_url = models.URLField(_("online link"), blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), validators=[MinValueValidator(1)])
    confirmed_count = models.PositiveIntegerField(_("confirmed registrations"), default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.OPEN
    )
    speakers: models.ManyToManyField[User, Any] = models.ManyToManyField(
        USER, blank=True, related_name="training_talks", verbose_name=_("speakers")
    )
    organizer = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("organizer")
    )
    created_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(confirmed_count__lte=F("capacity")), name="training_within_capacity"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="training_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()


def material_path(instance: Material, filename: str) -> str:
    """Random name, no user-supplied parts: files are only served by a checked view."""
    return f"training/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class Material(models.Model):
    """A file handed out for an event (slides, handbook), downloadable by those who see it."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="materials", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=material_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.title


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_STATES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class Registration(models.Model):
    """An enterprise's seat (or place on the waiting list) at an event, for one attendee.

    One active registration per enterprise and event; the waiting list is served in order of
    registration. Attendance, feedback and the reminder are recorded here once each.
    """

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(
        Event, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("event")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="training_registrations",
        verbose_name=_("enterprise"),
    )
    registered_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("registered by")
    )
    attendee_name = models.CharField(_("attendee"), max_length=120)
    attendee_email = models.EmailField(_("attendee email"))
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("promoted at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    attendance_recorded_at = models.DateTimeField(
        _("attendance recorded at"), null=True, blank=True
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    comment = models.TextField(_("comment"), blank=True)
    feedback_at = models.DateTimeField(_("feedback at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organization"],
                condition=Q(status__in=["confirmed", "waitlisted"]),
                name="training_one_active_registration",
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="training_rating_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} @ {self.event}"
