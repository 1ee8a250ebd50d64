"""The audit trail: append-only, hash-chained events and the one-row head serializing appends."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from oipa.core.audit.actions import action_label

GENESIS_HASH = "0" * 64


class AppendOnlyError(RuntimeError):
    """Raised when code tries to change or delete a stored audit event."""


class AuditEventQuerySet(models.QuerySet):
    """Audit events can be read and appended, never deleted through the ORM."""

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events are append-only")

    delete.alters_data = True  # type: ignore[attr-defined]
    delete.queryset_only = True  # type: ignore[attr-defined]


class AuditEvent(models.Model):
    """One state change made through a service: who, for which organization, what, before/after.

    Events form a hash chain. Event `seq` n stores `prev_hash`, the hash of event n-1 (64 zeros
    for the first), and `hash`, computed with `algorithm` (sha256 or sm3) over the canonical JSON
    of every other stored field including `prev_hash` (see `chain.canonical_payload`). Editing a
    row breaks its own hash; deleting, inserting or reordering rows breaks the `seq` sequence or
    the `prev_hash` links; rewriting the whole tail is caught against `AuditChainHead` and the
    signed checkpoints kept outside the database. Rows are written only by
    `services.record_event`; `save()` on a stored row and `delete()` raise `AppendOnlyError`.
    Nothing in the platform deletes events: they are kept at least AUDIT_RETENTION_DAYS (≥ 365).
    """

    seq = models.BigIntegerField(_("sequence number"), primary_key=True)
    created_at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_label = models.CharField(_("actor"), max_length=254, db_index=True)
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization"),
    )
    organization_label = models.CharField(_("organization"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    target_type = models.CharField(_("object type"), max_length=100, blank=True)
    target_id = models.CharField(_("object ID"), max_length=64, blank=True)
    target_label = models.CharField(_("object"), max_length=200, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    algorithm = models.CharField(_("hash algorithm"), max_length=16)
    prev_hash = models.CharField(_("previous hash"), max_length=128)
    hash = models.CharField(_("hash"), max_length=128)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["seq"]
        indexes = [
            models.Index(fields=["target_type", "target_id", "seq"], name="audit_target_idx"),
            models.Index(fields=["organization", "seq"], name="audit_org_seq_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events are append-only")

    @property
    def action_label(self) -> str:
        """The registered human label of the action, or the raw action string."""
        return action_label(self.action)

    @property
    def is_system(self) -> bool:
        return self.actor_id is None

    def changes(self) -> list[tuple[str, Any, Any]]:
        """(key, before, after) for every key of the before/after summaries, sorted by key."""
        before = self.before if isinstance(self.before, dict) else {}
        after = self.after if isinstance(self.after, dict) else {}
        keys = sorted(set(before) | set(after))
        return [(key, before.get(key), after.get(key)) for key in keys]


class AuditChainHead(models.Model):
    """The single row holding the newest event's seq and hash.

    `record_event` locks it (`select_for_update`) so appends are serialized and the chain can't
    fork; the verifier also compares it with the newest stored event to detect truncation.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.BigIntegerField(_("last sequence number"), default=0)
    hash = models.CharField(_("last hash"), max_length=128, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain head")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"
