"""Risk warning (trademark-squatting watch): watched marks, foreign publications, similarity hits,
remembered dismissals and the warnings sent to enterprises.

A watched mark belongs to a registered enterprise (`organization`) or to an enterprise the Center
watches without an account (`watched`, monitoring's `WatchedEnterprise`). A publication is keyed
by (office, serial number): importing it again updates it, never a second row. A hit is unique per
(publication, watched mark) and a warning per (enterprise, publication), so re-imports and retried
tasks never warn twice. Who sees what is in `access.py`.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .access import HitQuerySet, PublicationQuerySet, WarningQuerySet, WatchedMarkQuerySet


class Office(models.TextChoices):
    USPTO = "uspto", _("USPTO (United States)")
    EUIPO = "euipo", _("EUIPO (European Union)")
    UKIPO = "ukipo", _("UKIPO (United Kingdom)")
    WIPO = "wipo", _("WIPO (Madrid international registrations)")


#: The jurisdiction (oipa.core.taxonomy code) whose opposition rule applies to each office.
OFFICE_JURISDICTION = {
    Office.USPTO: "US",
    Office.EUIPO: "EU",
    Office.UKIPO: "GB",
    Office.WIPO: "WO",
}


class WatchedMark(models.Model):
    """A word mark an enterprise wants watched abroad: the mark (Chinese and/or Latin), its
    pinyin derived on save by the service (spaced and joined), known English forms, Nice classes
    and jurisdictions of interest (empty: all)."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="watched_marks",
        verbose_name=_("enterprise"),
    )
    watched = models.ForeignKey(
        "monitoring.WatchedEnterprise",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="watched_marks",
        verbose_name=_("watched enterprise"),
    )
    word_mark = models.CharField(_("word mark"), max_length=200)
    pinyin = models.CharField(_("pinyin"), max_length=400, blank=True)
    pinyin_joined = models.CharField(_("pinyin without spaces"), max_length=400, blank=True)
    english_forms = models.JSONField(_("known English forms"), default=list, blank=True)
    nice_classes = models.JSONField(_("Nice classes"), default=list, blank=True)
    jurisdictions = models.JSONField(_("jurisdictions of interest"), default=list, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = WatchedMarkQuerySet.as_manager()

    class Meta:
        verbose_name = _("watched mark")
        verbose_name_plural = _("watched marks")
        ordering = ["word_mark", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=False, watched__isnull=True)
                | Q(organization__isnull=True, watched__isnull=False),
                name="watched_mark_of_one_enterprise",
            ),
            models.UniqueConstraint(
                fields=["organization", "word_mark"], name="mark_once_per_organization"
            ),
            models.UniqueConstraint(fields=["watched", "word_mark"], name="mark_once_per_watched"),
        ]

    def __str__(self) -> str:
        return self.word_mark

    @property
    def enterprise(self):
        return self.organization or self.watched


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    PARTIAL = "partial", _("Succeeded with errors")
    FAILED = "failed", _("Failed")


class ImportRun(models.Model):
    """One import of one gazette file or feed: counts, hits and warnings made, and every
    malformed record with its position and reason (`notes`: [{"position", "reason"}])."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    office = models.CharField(_("office"), max_length=8, choices=Office.choices)
    source = models.CharField(_("format"), max_length=20)
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=RunStatus.choices, default=RunStatus.RUNNING
    )
    triggered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    read = models.PositiveIntegerField(_("read"), default=0)
    new = models.PositiveIntegerField(_("new"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    failed = models.PositiveIntegerField(_("malformed"), default=0)
    hits = models.PositiveIntegerField(_("hits"), default=0)
    warnings = models.PositiveIntegerField(_("warnings"), default=0)
    error = models.TextField(_("error"), blank=True)
    notes = models.JSONField(_("malformed records"), default=list, blank=True)
    matched_at = models.DateTimeField(_("matched at"), null=True, blank=True)

    class Meta:
        verbose_name = _("gazette import run")
        verbose_name_plural = _("gazette import runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_office_display()} {self.started_at:%Y-%m-%d %H:%M}"


class Publication(models.Model):
    """A trademark application or publication seen in a foreign office's gazette, keyed by
    (office, serial number). `owner_normalized` groups an owner's filings (serial squatters)."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    office = models.CharField(_("office"), max_length=8, choices=Office.choices)
    serial_number = models.CharField(_("application or serial number"), max_length=40)
    mark_text = models.CharField(_("mark"), max_length=500, blank=True)
    filing_date = models.DateField(_("filed on"), null=True, blank=True)
    publication_date = models.DateField(_("published for opposition on"), null=True, blank=True)
    nice_classes = models.JSONField(_("Nice classes"), default=list, blank=True)
    owner_name = models.CharField(_("owner"), max_length=500, blank=True)
    owner_normalized = models.CharField(
        _("normalized owner"), max_length=500, blank=True, db_index=True
    )
    looks_chinese = models.BooleanField(
        _("looks like a Chinese brand"),
        default=False,
        help_text=_("Chinese characters, or a Latin mark that reads as pinyin."),
    )
    owner_nationality = models.CharField(_("owner nationality"), max_length=40, blank=True)
    owner_address = models.CharField(_("owner address"), max_length=500, blank=True)
    correspondent = models.CharField(_("correspondent"), max_length=500, blank=True)
    raw = models.JSONField(_("source record"), default=dict, blank=True)
    first_run = models.ForeignKey(
        ImportRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="new_publications",
        verbose_name=_("first seen in run"),
    )
    first_seen_at = models.DateTimeField(_("first seen at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    matched_at = models.DateTimeField(_("matched at"), null=True, blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("foreign publication")
        verbose_name_plural = _("foreign publications")
        ordering = ["-first_seen_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["office", "serial_number"], name="publication_key"),
        ]

    def __str__(self) -> str:
        return f"{self.mark_text} ({self.get_office_display()} {self.serial_number})"

    @property
    def jurisdiction(self) -> str:
        return OFFICE_JURISDICTION.get(Office(self.office), "")


class HitStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DISMISSED = "dismissed", _("Dismissed by staff")
    AUTO_DISMISSED = "auto_dismissed", _("Dismissed (earlier decision)")


class Hit(models.Model):
    """A publication similar to a watched mark: score, rule, the watched form that matched,
    classes in common and related, and the opposition deadline with its basis."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="hits", verbose_name=_("publication")
    )
    watched_mark = models.ForeignKey(
        WatchedMark, on_delete=models.CASCADE, related_name="hits", verbose_name=_("watched mark")
    )
    score = models.FloatField(_("score"))
    rule = models.CharField(_("rule"), max_length=20)
    form = models.CharField(_("matched form"), max_length=300)
    form_kind = models.CharField(_("kind of form"), max_length=12)
    classes_in_common = models.JSONField(_("classes in common"), default=list, blank=True)
    related_classes = models.JSONField(_("related classes"), default=list, blank=True)
    deadline = models.DateField(_("opposition deadline"), null=True, blank=True)
    deadline_basis = models.CharField(_("deadline basis"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=HitStatus.choices, default=HitStatus.OPEN
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dismissed by"),
    )
    decided_at = models.DateTimeField(_("dismissed at"), null=True, blank=True)

    objects = HitQuerySet.as_manager()

    class Meta:
        verbose_name = _("similarity hit")
        verbose_name_plural = _("similarity hits")
        ordering = ["-created_at", "-score", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "watched_mark"], name="hit_once"),
        ]

    def __str__(self) -> str:
        return f"{self.publication.mark_text} ≈ {self.watched_mark} ({self.score:.0f})"


class Dismissal(models.Model):
    """Staff's verdict "not a squatting risk" on (watched mark, published mark text, owner),
    applied to later publications of the same mark by the same owner."""

    watched_mark = models.ForeignKey(
        WatchedMark,
        on_delete=models.CASCADE,
        related_name="dismissals",
        verbose_name=_("watched mark"),
    )
    mark_normalized = models.CharField(_("normalized published mark"), max_length=500)
    owner_normalized = models.CharField(_("normalized owner"), max_length=500)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dismissed by"),
    )
    decided_at = models.DateTimeField(_("dismissed at"), default=timezone.now)

    class Meta:
        verbose_name = _("dismissed hit")
        verbose_name_plural = _("dismissed hits")
        constraints = [
            models.UniqueConstraint(
                fields=["watched_mark", "mark_normalized", "owner_normalized"],
                name="one_dismissal_per_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.watched_mark} / {self.mark_normalized} / {self.owner_normalized}"


class RiskWarning(models.Model):
    """One publication warned about to one enterprise, with the hits behind it, the earliest
    opposition deadline and what the enterprise did (delivered, read, acted on by starting a
    guidance application). Unique per (organization, publication) and (watched, publication)."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    publication = models.ForeignKey(
        Publication,
        on_delete=models.CASCADE,
        related_name="warnings",
        verbose_name=_("publication"),
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="risk_warnings",
        verbose_name=_("enterprise"),
    )
    watched = models.ForeignKey(
        "monitoring.WatchedEnterprise",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="risk_warnings",
        verbose_name=_("watched enterprise"),
    )
    hits = models.ManyToManyField(Hit, related_name="warnings", verbose_name=_("hits"))
    deadline = models.DateField(_("opposition deadline"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    acted_at = models.DateTimeField(_("acted on at"), null=True, blank=True)
    application = models.ForeignKey(
        "assistance.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="risk_warnings",
        verbose_name=_("guidance application"),
    )

    objects = WarningQuerySet.as_manager()

    class Meta:
        verbose_name = _("risk warning")
        verbose_name_plural = _("risk warnings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=False, watched__isnull=True)
                | Q(organization__isnull=True, watched__isnull=False),
                name="warning_of_one_enterprise",
            ),
            models.UniqueConstraint(
                fields=["organization", "publication"], name="warning_once_per_organization"
            ),
            models.UniqueConstraint(
                fields=["watched", "publication"], name="warning_once_per_watched"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.publication}"

    @property
    def enterprise(self):
        return self.organization or self.watched
