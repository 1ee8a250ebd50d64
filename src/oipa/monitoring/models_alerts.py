"""Alerts: telling a monitored enterprise that a dispute names it, once per enterprise and dispute.

An `Alert` is created from alertable party matches (see `services_alerts`). Registered
enterprises (`organization`) get it delivered in-app and by email; watched enterprises without an
account (`watched`) get no delivery, but Center staff see their alerts and can reach out.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["Alert", "DeadlineRule"]


class DeadlineRule(models.TextChoices):
    """Which response deadline was estimated (see `deadlines.py`); the periods themselves come
    from the published country profiles (`oipa.knowledge.facts`)."""

    US_ANSWER = "us_answer", _("Answer to a civil complaint")
    ITC_RESPONSE = "itc_response", _("Response to an ITC Section 337 complaint")
    SCHEDULE_A = "schedule_a", _("Schedule A: TRO and preliminary-injunction hearing — act now")
    UNKNOWN = "unknown", _("No estimate: the filing date is unknown")
    NO_RULE = "no_rule", _("No estimate: no published rule for this forum and kind of dispute")


class Alert(models.Model):
    """One dispute naming one monitored enterprise, with the matches that found it, the estimated
    response deadline and what the enterprise did with it (delivered, read, acted on by starting
    a guidance application). Unique per (organization, dispute) and per (watched, dispute), so a
    re-import or a retried task can never create a second one."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    dispute = models.ForeignKey(
        "monitoring.Dispute",
        on_delete=models.CASCADE,
        related_name="alerts",
        verbose_name=_("dispute"),
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="dispute_alerts",
        verbose_name=_("enterprise"),
    )
    watched = models.ForeignKey(
        "monitoring.WatchedEnterprise",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alerts",
        verbose_name=_("watched enterprise"),
    )
    matches = models.ManyToManyField(
        "monitoring.PartyMatch", related_name="alerts", verbose_name=_("party matches")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    deadline = models.DateField(_("estimated response deadline"), null=True, blank=True)
    deadline_rule = models.CharField(
        _("deadline basis"), max_length=20, choices=DeadlineRule.choices
    )
    service_assumed_on = models.DateField(_("service assumed on"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    acted_at = models.DateTimeField(_("acted on at"), null=True, blank=True)
    application = models.ForeignKey(
        "assistance.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dispute_alerts",
        verbose_name=_("guidance application"),
    )

    class Meta:
        verbose_name = _("dispute alert")
        verbose_name_plural = _("dispute alerts")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=False, watched__isnull=True)
                | Q(organization__isnull=True, watched__isnull=False),
                name="alert_of_one_enterprise",
            ),
            models.UniqueConstraint(
                fields=["organization", "dispute"], name="alert_once_per_organization"
            ),
            models.UniqueConstraint(fields=["watched", "dispute"], name="alert_once_per_watched"),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.dispute}"

    @property
    def enterprise(self):
        return self.organization or self.watched

    @property
    def deadline_basis(self) -> str:
        """The rule and its period as the published country profile states it."""
        from .deadlines import describe_rule

        return describe_rule(self.deadline_rule, self.dispute) if self.deadline_rule else ""
