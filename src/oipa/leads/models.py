"""District demand leads (Art. 6): the needs district offices collect from enterprises and
report to the Center, and what the Center made of each.

Models keep data and invariants only; every change goes through `services.py` and the small
transition table below. Who may see a lead is decided by `Lead.objects.visible_to`.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oipa.accounts.models import Organization

from .access import LeadQuerySet

USER = settings.AUTH_USER_MODEL


class NeedType(models.TextChoices):
    DISPUTE_GUIDANCE = "dispute_guidance", _("Dispute guidance")
    RISK_CHECK = "risk_check", _("Risk check")
    TRAINING = "training", _("Training")
    FUNDING = "funding", _("Funding")
    OTHER = "other", _("Other")


class Urgency(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class LeadSource(models.TextChoices):
    VISIT = "visit", _("Visit")
    HOTLINE = "hotline", _("Hotline")
    EVENT = "event", _("Event")


class LeadStatus(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    CONVERTED = "converted", _("Converted")
    CLOSED = "closed", _("Closed without action")


class Conversion(models.TextChoices):
    GUIDANCE = "guidance", _("Guidance application")
    TRAINING = "training", _("Training invitation")
    FUNDING = "funding", _("Funding consultation")


# action -> (states it is allowed from, state it leads to)
TRANSITIONS: dict[str, tuple[set[str], str]] = {
    "contact": ({LeadStatus.NEW}, LeadStatus.CONTACTED),
    "convert": ({LeadStatus.NEW, LeadStatus.CONTACTED}, LeadStatus.CONVERTED),
    "close": ({LeadStatus.NEW, LeadStatus.CONTACTED}, LeadStatus.CLOSED),
}


class Lead(models.Model):
    """An enterprise's need for overseas rights-protection help reported by a district office.

    The enterprise is a registered Organization when one has the USCC, else just its name and
    USCC (validated). `division_code` is the reporting office's district, kept so the monthly
    table groups by district. `first_contact_at` is when the Center first acted on it
    (contact, conversion or closing); `invitation_code` opens the public invitation page sent
    to an enterprise not yet registered.
    """

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    invitation_code = models.UUIDField(
        _("invitation code"), default=uuid.uuid4, unique=True, editable=False
    )
    district_office = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="reported_leads",
        verbose_name=_("district office"),
    )
    division_code = models.CharField(_("district"), max_length=6, db_index=True)
    enterprise = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="leads",
        verbose_name=_("registered enterprise"),
    )
    enterprise_name = models.CharField(_("enterprise name"), max_length=200)
    uscc = models.CharField(_("USCC"), max_length=18, db_index=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    need_type = models.CharField(_("need"), max_length=30, choices=NeedType.choices)
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    description = models.TextField(_("description"))
    source = models.CharField(_("source"), max_length=20, choices=LeadSource.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=LeadStatus.choices, default=LeadStatus.NEW
    )
    reported_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("reported by")
    )
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now, db_index=True)
    first_contact_at = models.DateTimeField(_("first contact at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    conversion = models.CharField(
        _("converted into"), max_length=20, choices=Conversion.choices, blank=True
    )
    converted_at = models.DateTimeField(_("converted at"), null=True, blank=True)
    outcome_note = models.TextField(_("note to the district"), blank=True)
    training_event = models.ForeignKey(
        "training.Event",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("training event"),
    )
    application = models.ForeignKey(
        "assistance.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("guidance application"),
    )
    invited_at = models.DateTimeField(_("invitation sent at"), null=True, blank=True)

    objects = LeadQuerySet.as_manager()

    class Meta:
        verbose_name = _("demand lead")
        verbose_name_plural = _("demand leads")
        ordering = ["-reported_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=LeadStatus.CONVERTED) | ~Q(conversion=""),
                name="leads_converted_has_conversion",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_name} · {self.get_need_type_display()}"
