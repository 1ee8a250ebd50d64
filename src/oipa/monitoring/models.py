"""Models of dispute monitoring: sources, import runs, disputes and their parties.

A dispute is keyed by (source, external id): importing the same record again updates the changed
fields and records what changed (`DisputeChange`), never a second row. Parties are only ever added,
so nothing already stored is lost by a later, poorer record. Matching and the monitored-enterprise
registry live in `models_matching.py` and are re-exported here.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oipa.core.taxonomy.choices import DisputeType, IPType

from .models_matching import (  # noqa: F401 - one models module for Django
    AliasKind,
    EnterpriseAlias,
    MatchDecision,
    MatchStatus,
    PartyMatch,
    Verdict,
    WatchedEnterprise,
)

IP_NATURES = {
    "820": _("Copyright"),
    "830": _("Patent"),
    "835": _("Patent - abbreviated new drug application"),
    "840": _("Trademark"),
}


class SourceKind(models.TextChoices):
    COURTLISTENER = "courtlistener", _("CourtListener dockets (REST API v4)")
    PACER_RSS = "pacer_rss", _("PACER court RSS feed")
    ITC337 = "itc337", _("US ITC Section 337 investigations")
    SPREADSHEET = "spreadsheet", _("Staff spreadsheet (CSV or Excel)")


class Source(models.Model):
    """A feed or channel disputes come from, imported every `schedule_minutes` when enabled.

    `config` holds the importer's options, e.g. {"court_id": "ilnd"} for a PACER feed or
    {"unknown_nature": "skip"} to drop RSS items whose nature of suit is not known.
    """

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    config = models.JSONField(_("options"), default=dict, blank=True)
    schedule_minutes = models.PositiveIntegerField(_("import every (minutes)"), default=60)
    enabled = models.BooleanField(_("enabled"), default=True)
    last_success_at = models.DateTimeField(_("last successful run"), null=True, blank=True)
    last_run = models.ForeignKey(
        "ImportRun",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last run"),
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def is_due(self, now=None) -> bool:
        """Enabled, and never run or last started at least `schedule_minutes` ago."""
        if not self.enabled or not self.url:
            return False
        if self.last_run is None:
            return True
        now = now or timezone.now()
        elapsed = (now - self.last_run.started_at).total_seconds()
        return elapsed >= self.schedule_minutes * 60


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    PARTIAL = "partial", _("Succeeded with errors")
    FAILED = "failed", _("Failed")


class ImportRun(models.Model):
    """One import of one source: when, by whom, the counts, and every skipped or failed record
    with its position and reason (`notes`: a list of {"position", "outcome", "reason"})."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="runs", verbose_name=_("source")
    )
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
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    read = models.PositiveIntegerField(_("read"), default=0)
    new = models.PositiveIntegerField(_("new"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    error = models.TextField(_("error"), blank=True)
    notes = models.JSONField(_("skipped and failed records"), default=list, blank=True)
    matched_at = models.DateTimeField(_("parties matched at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"


class Dispute(models.Model):
    """A court case or investigation seen in a source, keyed by (source, external id)."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="disputes", verbose_name=_("source")
    )
    external_id = models.CharField(_("external id"), max_length=120)
    forum = models.CharField(_("court or forum"), max_length=200, blank=True)
    court_id = models.CharField(_("court id"), max_length=20, blank=True)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=2, default="US")
    case_number = models.CharField(_("case number"), max_length=100, blank=True)
    title = models.CharField(_("case name"), max_length=500, blank=True)
    nature_code = models.CharField(_("nature of suit code"), max_length=3, blank=True)
    nature_text = models.CharField(_("nature of suit"), max_length=200, blank=True)
    dispute_type = models.CharField(
        _("dispute type"), max_length=30, choices=DisputeType.choices, blank=True
    )
    ip_type = models.CharField(_("IP type"), max_length=30, choices=IPType.choices, blank=True)
    cause = models.CharField(_("cause"), max_length=300, blank=True)
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    is_schedule_a = models.BooleanField(_("Schedule A case"), default=False)
    url = models.URLField(_("link"), max_length=500, blank=True)
    raw = models.JSONField(_("source record"), default=dict, blank=True)
    first_seen_at = models.DateTimeField(_("first seen at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    first_run = models.ForeignKey(
        ImportRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="new_disputes",
        verbose_name=_("first seen in run"),
    )

    class Meta:
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        ordering = ["-first_seen_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "external_id"], name="dispute_source_key"),
        ]

    def __str__(self) -> str:
        return f"{self.case_number} {self.title}".strip()

    @property
    def plaintiffs(self) -> list[Party]:
        return [p for p in self.parties.all() if p.role in PLAINTIFF_ROLES]

    @property
    def defendants(self) -> list[Party]:
        return [p for p in self.parties.all() if p.role in DEFENDANT_ROLES]


class DisputeChange(models.Model):
    """What one import changed on a dispute: {"field": [before, after]}; parties added are
    listed under "parties"."""

    dispute = models.ForeignKey(
        Dispute, on_delete=models.CASCADE, related_name="changes", verbose_name=_("dispute")
    )
    run = models.ForeignKey(
        ImportRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="changes",
        verbose_name=_("import run"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changes = models.JSONField(_("changes"), default=dict)

    class Meta:
        verbose_name = _("dispute change")
        verbose_name_plural = _("dispute changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.dispute} {self.changed_at:%Y-%m-%d %H:%M}"


class PartyRole(models.TextChoices):
    PLAINTIFF = "plaintiff", _("Plaintiff")
    DEFENDANT = "defendant", _("Defendant")
    COMPLAINANT = "complainant", _("Complainant")
    RESPONDENT = "respondent", _("Respondent")
    OTHER = "other", _("Other party")


PLAINTIFF_ROLES = {PartyRole.PLAINTIFF, PartyRole.COMPLAINANT}
DEFENDANT_ROLES = {PartyRole.DEFENDANT, PartyRole.RESPONDENT}


class Party(models.Model):
    """A party named in a dispute. `normalized` is the matching key (see `names.normalize`);
    `matched_at` stays empty until the party has been run through the matching engine."""

    dispute = models.ForeignKey(
        Dispute, on_delete=models.CASCADE, related_name="parties", verbose_name=_("dispute")
    )
    role = models.CharField(_("role"), max_length=12, choices=PartyRole.choices)
    name = models.CharField(_("name"), max_length=500)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        help_text=_("ISO 3166-1 code of the party's country, where the source gives it."),
    )
    normalized = models.CharField(_("normalized name"), max_length=500, db_index=True)
    is_placeholder = models.BooleanField(
        _("placeholder"),
        default=False,
        help_text=_("A collective description such as the Schedule A defendants."),
    )
    run = models.ForeignKey(
        ImportRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="new_parties",
        verbose_name=_("first seen in run"),
    )
    matched_at = models.DateTimeField(_("matched at"), null=True, blank=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["dispute", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dispute", "role", "normalized"], name="party_once_per_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


from .models_incidents import *  # noqa
from .models_alerts import *  # noqa
