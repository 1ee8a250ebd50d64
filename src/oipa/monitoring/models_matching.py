"""Monitored enterprises' names, party matches, and the staff decisions the queue remembers.

Monitored enterprises are registered enterprise organizations of Beijing, Tianjin and Hebei
(division codes 11/12/13) plus `WatchedEnterprise` rows the Center bulk-loads for enterprises not
registered on the platform. Either may carry `EnterpriseAlias` rows. An enterprise is identified
towards the matching engine by a key: "org:<pk>" or "watch:<pk>".
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AliasKind(models.TextChoices):
    LEGAL = "legal", _("Legal name")
    FORMER = "former", _("Former name")
    ENGLISH = "english", _("English name")
    BRAND = "brand", _("Brand")
    STORE = "store", _("Online store name")
    SELLER_ID = "seller_id", _("Seller ID")
    DOMAIN = "domain", _("Web domain")


class WatchedEnterprise(models.Model):
    """An enterprise the Center monitors without it being registered on the platform."""

    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    uscc = models.CharField(
        _("unified social credit code"), max_length=18, null=True, blank=True, unique=True
    )
    province_code = models.CharField(_("province code"), max_length=2, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    loaded_at = models.DateTimeField(_("loaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("watched enterprise")
        verbose_name_plural = _("watched enterprises")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def key(self) -> str:
        return f"watch:{self.pk}"


class EnterpriseAlias(models.Model):
    """Another name of a monitored enterprise: former, English, brand, store, seller ID, domain."""

    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="monitoring_aliases",
        verbose_name=_("organization"),
    )
    watched = models.ForeignKey(
        WatchedEnterprise,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="aliases",
        verbose_name=_("watched enterprise"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=AliasKind.choices)
    name = models.CharField(_("name"), max_length=300)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("enterprise alias")
        verbose_name_plural = _("enterprise aliases")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=False, watched__isnull=True)
                | Q(organization__isnull=True, watched__isnull=False),
                name="alias_of_one_enterprise",
            ),
            models.UniqueConstraint(
                fields=["organization", "kind", "name"], name="alias_once_per_organization"
            ),
            models.UniqueConstraint(
                fields=["watched", "kind", "name"], name="alias_once_per_watched"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class MatchStatus(models.TextChoices):
    CONFIDENT = "confident", _("Confident")
    REVIEW = "review", _("Awaiting review")
    CONFIRMED = "confirmed", _("Confirmed by staff")
    REJECTED = "rejected", _("Rejected by staff")
    AUTO_CONFIRMED = "auto_confirmed", _("Confirmed (earlier decision)")
    AUTO_REJECTED = "auto_rejected", _("Rejected (earlier decision)")


ALERTABLE = (MatchStatus.CONFIDENT, MatchStatus.CONFIRMED, MatchStatus.AUTO_CONFIRMED)
# Staff may decide (or overrule) every state but their own explicit decisions.
DECIDABLE = (
    MatchStatus.CONFIDENT,
    MatchStatus.REVIEW,
    MatchStatus.AUTO_CONFIRMED,
    MatchStatus.AUTO_REJECTED,
)


class PartyMatchQuerySet(models.QuerySet):
    def alertable(self) -> PartyMatchQuerySet:
        """Matches the enterprise should be told about: confident, or confirmed by staff now or
        by an earlier decision on the same party name."""
        return self.filter(status__in=ALERTABLE)

    def awaiting_review(self) -> PartyMatchQuerySet:
        return self.filter(status=MatchStatus.REVIEW)


class PartyMatch(models.Model):
    """A party that the engine found similar to a monitored enterprise, with the alias and rule
    that matched and the score, routed to "confident" or the review queue."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    party = models.ForeignKey(
        "monitoring.Party",
        on_delete=models.CASCADE,
        related_name="matches",
        verbose_name=_("party"),
    )
    enterprise_key = models.CharField(_("enterprise key"), max_length=40)
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="dispute_matches",
        verbose_name=_("organization"),
    )
    watched = models.ForeignKey(
        WatchedEnterprise,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="matches",
        verbose_name=_("watched enterprise"),
    )
    alias = models.CharField(_("matched name"), max_length=300)
    alias_kind = models.CharField(_("kind of name"), max_length=12)
    rule = models.CharField(_("rule"), max_length=30)
    score = models.FloatField(_("score"))
    status = models.CharField(_("status"), max_length=16, choices=MatchStatus.choices)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = PartyMatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("party match")
        verbose_name_plural = _("party matches")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["party", "enterprise_key"], name="match_once"),
            models.CheckConstraint(
                condition=Q(organization__isnull=False, watched__isnull=True)
                | Q(organization__isnull=True, watched__isnull=False),
                name="match_of_one_enterprise",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party.name} ≈ {self.enterprise} ({self.score:.0f})"

    @property
    def enterprise(self):
        return self.organization or self.watched


class Verdict(models.TextChoices):
    CONFIRM = "confirm", _("Same enterprise")
    REJECT = "reject", _("Not this enterprise")


class MatchDecision(models.Model):
    """A staff verdict on (normalized party name, enterprise), applied to later matches of the
    same pair automatically."""

    party_normalized = models.CharField(_("normalized party name"), max_length=500)
    enterprise_key = models.CharField(_("enterprise key"), max_length=40)
    verdict = models.CharField(_("verdict"), max_length=8, choices=Verdict.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        verbose_name = _("match decision")
        verbose_name_plural = _("match decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["party_normalized", "enterprise_key"], name="one_decision_per_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party_normalized} / {self.enterprise_key}: {self.verdict}"
