"""Enterprise compliance self-checks (Art. 10): one per enterprise and year, scored against the
questionnaire version it was answered with (see `questionnaire.py`)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .access import SelfCheckQuerySet


class SelfCheck(models.Model):
    """An enterprise's answers to the compliance questionnaire for one year, with the scores
    computed when it was submitted. Industry and district are kept on the check so the Center's
    aggregates stay as they were answered."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        related_name="self_checks",
        verbose_name=_("enterprise"),
    )
    year = models.PositiveIntegerField(_("year"))
    version = models.CharField(_("questionnaire version"), max_length=20)
    industry = models.ForeignKey(
        "taxonomy.Industry",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("industry"),
    )
    district = models.CharField(_("district"), max_length=40, blank=True)
    answers = models.JSONField(_("answers"), default=dict)
    section_scores = models.JSONField(_("scores by section"), default=dict)
    total_score = models.PositiveSmallIntegerField(_("total score"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    objects = SelfCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("compliance self-check")
        verbose_name_plural = _("compliance self-checks")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="one_self_check_a_year"),
            models.CheckConstraint(
                condition=models.Q(total_score__isnull=True) | models.Q(total_score__lte=100),
                name="score_0_to_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}"
