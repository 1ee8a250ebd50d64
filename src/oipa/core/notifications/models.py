"""Notifications addressed to one user about one event, and how each user wants them delivered.

The preference, webhook and digest models are described in `preferences.py`, `webhooks.py` and
`digests.py`, which hold their writes.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """What a notification is about; preferences are chosen per category."""

    DISPUTE_ALERT = "dispute_alert", _("Dispute alerts")
    CASE_UPDATE = "case_update", _("Updates on my guidance applications")
    INCIDENT = "incident", _("Incidents and joint responses")
    RISK_WARNING = "risk_warning", _("Trademark risk warnings")
    EXPERT_INVITATION = "expert_invitation", _("Expert invitations and assigned cases")
    BULLETIN = "bulletin", _("Bulletins and country news")
    TRAINING = "training", _("Training and events")
    FUNDING = "funding", _("Funding and the mutual-aid fund")
    LEAD = "lead", _("District demand leads")


class Cadence(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "NotificationQuerySet":
        """A user sees only the notifications addressed to them."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(recipient=user)

    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One in-app message to one user about one event.

    `event_key` names the event (e.g. "application:<uuid>:accepted:<seq>"); with the recipient it
    is unique, so a retried task or a second worker can never notify the same person twice.
    Subject and body are stored already rendered in the recipient's language at the time.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    event_key = models.CharField(_("event key"), max_length=200)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)
    category = models.CharField(
        _("category"), max_length=30, choices=Category.choices, default=Category.CASE_UPDATE
    )
    urgent = models.BooleanField(_("urgent"), default=False)
    # The digest that will email it ("" when it is emailed at once or not at all); set when the
    # notice is created, from the cadence the recipient had chosen then.
    digest_cadence = models.CharField(
        _("digest cadence"), max_length=12, choices=Cadence.choices, blank=True
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "event_key"], name="one_notice_per_event"),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.subject


class NotificationPreference(models.Model):
    """How one user wants one category delivered beyond the in-app list, which is always on:
    by email (now or in a daily or weekly digest) and to their organization's webhook. Without
    a row the defaults apply: email, immediately, no webhook."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    email = models.BooleanField(_("email"), default=True)
    webhook = models.BooleanField(_("webhook"), default=False)
    cadence = models.CharField(
        _("cadence"), max_length=12, choices=Cadence.choices, default=Cadence.IMMEDIATELY
    )
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "category"], name="one_preference_per_category"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.category}"


def new_webhook_secret() -> str:
    return secrets.token_hex(32)


class WebhookEndpoint(models.Model):
    """An enterprise's own system that receives its members' notifications as signed JSON POSTs
    (HMAC-SHA256 with `secret`, see `webhooks.py`). One per organization, kept by its admins."""

    organization = models.OneToOneField(
        "accounts.Organization",
        on_delete=models.CASCADE,
        related_name="webhook",
        verbose_name=_("organization"),
    )
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(_("signing secret"), max_length=64, default=new_webhook_secret)
    is_active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self) -> str:
        return self.url


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookDelivery(models.Model):
    """One event posted to one endpoint: once per (endpoint, event key) however many of the
    organization's members it concerns, with its attempts and the last error."""

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("webhook"),
    )
    event_key = models.CharField(_("event key"), max_length=200)
    payload = models.JSONField(_("payload"), default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["endpoint", "event_key"], name="one_post_per_event"),
        ]

    def __str__(self) -> str:
        return f"{self.endpoint} · {self.event_key}"


class Digest(models.Model):
    """One digest email of one user for one period ("2026-11-24" daily, "2026-W48" weekly).
    Unique per period, so building the same period's digests again sends nothing."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digests",
        verbose_name=_("recipient"),
    )
    cadence = models.CharField(_("cadence"), max_length=12, choices=Cadence.choices)
    period = models.CharField(_("period"), max_length=10)
    items = models.PositiveIntegerField(_("items"), default=0)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "cadence", "period"], name="one_digest_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.period}"
