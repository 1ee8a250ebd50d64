"""Joint-response offers to co-defendant groups, and incidents (Art. 13).

A `JointResponseOffer` records that staff offered the registered enterprises of one co-defendant
group (see `groups.py`) a joint response; each enterprise that takes it up gets one prefilled
draft (`JointResponseDraft`). An `Incident` is the Center's response to an event that touches
several enterprises or a whole industry: affected enterprises, linked disputes, associations
involved, a checklist, and the notices broadcast. Writes go through `groups.py` and `incidents.py`.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = [
    "DEFAULT_CHECKLIST",
    "Incident",
    "IncidentAssociation",
    "IncidentChecklistItem",
    "IncidentDispute",
    "IncidentEnterprise",
    "IncidentNotice",
    "IncidentStatus",
    "JointResponseDraft",
    "JointResponseOffer",
]


class JointResponseOffer(models.Model):
    """Staff offered the enterprises of one co-defendant group a joint response. `group_key`
    identifies the group's membership (its disputes and enterprises), so offering the same group
    twice gives the same offer; `jjj` marks groups spanning Beijing and Tianjin/Hebei."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    group_key = models.CharField(_("group key"), max_length=64, unique=True)
    plaintiff = models.CharField(_("plaintiff"), max_length=500, blank=True)
    disputes = models.ManyToManyField(
        "monitoring.Dispute", related_name="joint_response_offers", verbose_name=_("disputes")
    )
    organizations = models.ManyToManyField(
        "accounts.Organization",
        related_name="joint_response_offers",
        verbose_name=_("registered enterprises"),
    )
    watched = models.ManyToManyField(
        "monitoring.WatchedEnterprise",
        blank=True,
        related_name="joint_response_offers",
        verbose_name=_("watched enterprises"),
    )
    jjj = models.BooleanField(_("Beijing-Tianjin-Hebei joint guidance"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("offered by"),
    )
    created_at = models.DateTimeField(_("offered at"), default=timezone.now)

    class Meta:
        verbose_name = _("joint response offer")
        verbose_name_plural = _("joint response offers")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.plaintiff or self.group_key} ({self.created_at:%Y-%m-%d})"


class JointResponseDraft(models.Model):
    """The draft guidance application one offered enterprise started from the offer."""

    offer = models.ForeignKey(
        JointResponseOffer, on_delete=models.CASCADE, related_name="drafts", verbose_name=_("offer")
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("enterprise"),
    )
    application = models.ForeignKey(
        "assistance.Application",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("application"),
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)

    class Meta:
        verbose_name = _("joint response draft")
        verbose_name_plural = _("joint response drafts")
        constraints = [
            models.UniqueConstraint(fields=["offer", "organization"], name="one_draft_per_offer"),
        ]

    def __str__(self) -> str:
        return f"{self.offer} · {self.organization}"


class IncidentStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Incident(models.Model):
    """An event the Center responds to as a whole (Art. 13): a dispute naming several JJJ
    enterprises, or an industry-wide event flagged by staff."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    industry = models.ForeignKey(
        "taxonomy.Industry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("industry"),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=IncidentStatus.choices, default=IncidentStatus.OPEN
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-opened_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == IncidentStatus.OPEN


class IncidentEnterprise(models.Model):
    """An enterprise affected by an incident: registered, or only on the watch list."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="enterprises", verbose_name=_("incident")
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization"),
    )
    watched = models.ForeignKey(
        "monitoring.WatchedEnterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("watched enterprise"),
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("affected enterprise")
        verbose_name_plural = _("affected enterprises")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=False, watched__isnull=True)
                | Q(organization__isnull=True, watched__isnull=False),
                name="incident_enterprise_of_one_kind",
            ),
            models.UniqueConstraint(
                fields=["incident", "organization"], name="incident_organization_once"
            ),
            models.UniqueConstraint(fields=["incident", "watched"], name="incident_watched_once"),
        ]

    def __str__(self) -> str:
        return str(self.enterprise)

    @property
    def enterprise(self):
        return self.organization or self.watched


class IncidentDispute(models.Model):
    """A dispute linked to an incident."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="disputes", verbose_name=_("incident")
    )
    dispute = models.ForeignKey(
        "monitoring.Dispute",
        on_delete=models.PROTECT,
        related_name="incident_links",
        verbose_name=_("dispute"),
    )
    linked_at = models.DateTimeField(_("linked at"), default=timezone.now)

    class Meta:
        verbose_name = _("linked dispute")
        verbose_name_plural = _("linked disputes")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "dispute"], name="incident_dispute_once"),
        ]

    def __str__(self) -> str:
        return str(self.dispute)


class IncidentAssociation(models.Model):
    """An industry association (an organization of kind association) involved in the response."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="associations", verbose_name=_("incident")
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("association"),
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("involved association")
        verbose_name_plural = _("involved associations")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "organization"], name="incident_association_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.organization)


# (key, English msgid): stored by key, shown in the reader's language.
DEFAULT_CHECKLIST = [
    ("contact", _("Contact the affected enterprises")),
    ("association", _("Brief the industry association")),
    ("counsel", _("Identify counsel in the jurisdiction")),
    ("deadlines", _("Confirm the response deadlines")),
    ("session", _("Prepare a guidance session")),
    ("notice", _("Publish a notice to the industry")),
]
_DEFAULT_LABELS = dict(DEFAULT_CHECKLIST)


class IncidentChecklistItem(models.Model):
    """One step of the response. Default steps carry a `key` and are shown translated; steps
    staff add carry their own `text`."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="checklist", verbose_name=_("incident")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    key = models.CharField(_("default step"), max_length=20, blank=True)
    text = models.CharField(_("text"), max_length=300, blank=True)
    done = models.BooleanField(_("done"), default=False)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self):
        return _DEFAULT_LABELS.get(self.key, self.text)


class IncidentNotice(models.Model):
    """A notice broadcast to the members of the affected enterprises and the associations."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="notices", verbose_name=_("incident")
    )
    text = models.TextField(_("text"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("incident notice")
        verbose_name_plural = _("incident notices")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.incident} {self.sent_at:%Y-%m-%d %H:%M}"


def _register_audit_labels() -> None:
    """Timeline labels of the events `groups.py` and `incidents.py` record (the app config
    is not ours to edit, and this module is loaded with the models)."""
    from oipa.core.audit.actions import register_action

    for action, label in [
        ("monitoring.joint_response_offered", _("Joint response offered")),
        ("monitoring.incident_opened", _("Incident opened")),
        ("monitoring.incident_enterprise_added", _("Affected enterprise added")),
        ("monitoring.incident_enterprise_removed", _("Affected enterprise removed")),
        ("monitoring.incident_dispute_linked", _("Dispute linked")),
        ("monitoring.incident_association_added", _("Association involved")),
        ("monitoring.incident_step_added", _("Checklist step added")),
        ("monitoring.incident_step_done", _("Checklist step done")),
        ("monitoring.incident_notice_sent", _("Notice broadcast")),
        ("monitoring.incident_closed", _("Incident closed")),
    ]:
        register_action(action, label)


_register_audit_labels()
