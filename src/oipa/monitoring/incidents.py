"""Incidents (Art. 13): every write of the Center's response to a multi-enterprise or
industry-wide event.

Each function takes `actor=` first, is Center staff only (PermissionDenied), refuses to change a
closed incident (ValidationError), runs in one transaction and writes one audit event on the
incident. Broadcast notices go to the active members of the affected registered enterprises and
of the associations involved: organizations carry no industry yet, so "the affected industry's
members" are those the staff list on the incident (enterprises and associations), not every
enterprise of the industry.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.accounts.models import Organization, OrgKind, User
from oipa.core.audit.services import record_event
from oipa.core.notifications.services import notify
from oipa.core.taxonomy.models import Industry

from .models import (
    DEFAULT_CHECKLIST,
    Dispute,
    Incident,
    IncidentAssociation,
    IncidentChecklistItem,
    IncidentDispute,
    IncidentEnterprise,
    IncidentNotice,
    IncidentStatus,
    WatchedEnterprise,
)

Enterprise = Organization | WatchedEnterprise


def _require_center_staff(actor: Any) -> None:
    membership = getattr(actor, "membership", None)
    if membership is None or not membership.is_center_staff:
        raise PermissionDenied(_("Only Center staff may do this."))


def _open_locked(actor: Any, incident: Incident) -> Incident:
    """Check the actor, lock the incident row and insist it is open."""
    _require_center_staff(actor)
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if not incident.is_open:
        raise ValidationError(_("The incident is closed."), code="closed")
    return incident


def _audit(actor: Any, incident: Incident, verb: str, **after: Any) -> None:
    record_event(actor=actor, action=f"monitoring.incident_{verb}", target=incident, after=after)


def _enterprise_fields(enterprise: Enterprise) -> dict[str, Any]:
    if isinstance(enterprise, WatchedEnterprise):
        return {"watched": enterprise}
    if enterprise.kind != OrgKind.ENTERPRISE:
        raise ValidationError(_("Only enterprises can be affected enterprises."))
    return {"organization": enterprise}


def _enterprise_label(enterprise: Enterprise) -> str:
    prefix = "watch" if isinstance(enterprise, WatchedEnterprise) else "org"
    return f"{prefix}:{enterprise.pk}"


def open_incident(
    *,
    actor: Any,
    title: str,
    description: str = "",
    industry: Industry | None = None,
    enterprises: Iterable[Enterprise] = (),
    disputes: Iterable[Dispute] = (),
) -> Incident:
    """Open an incident with the default checklist, its affected enterprises and disputes."""
    _require_center_staff(actor)
    title = title.strip()
    if not title:
        raise ValidationError({"title": [_("Give the incident a title.")]})
    with transaction.atomic():
        incident = Incident.objects.create(
            title=title[:200], description=description, industry=industry, opened_by=actor
        )
        IncidentChecklistItem.objects.bulk_create(
            IncidentChecklistItem(incident=incident, position=i, key=key)
            for i, (key, _label) in enumerate(DEFAULT_CHECKLIST)
        )
        added = list(enterprises)
        for enterprise in added:
            IncidentEnterprise.objects.get_or_create(
                incident=incident, **_enterprise_fields(enterprise)
            )
        linked = list(disputes)
        for dispute in linked:
            IncidentDispute.objects.get_or_create(incident=incident, dispute=dispute)
        _audit(
            actor,
            incident,
            "opened",
            title=incident.title,
            enterprises=[_enterprise_label(e) for e in added],
            disputes=[str(d.code) for d in linked],
        )
    return incident


def add_incident_enterprise(*, actor: Any, incident: Incident, enterprise: Enterprise) -> None:
    """List an affected enterprise (again is a no-op apart from the audit event)."""
    with transaction.atomic():
        incident = _open_locked(actor, incident)
        IncidentEnterprise.objects.get_or_create(
            incident=incident, **_enterprise_fields(enterprise)
        )
        _audit(actor, incident, "enterprise_added", enterprise=_enterprise_label(enterprise))


def remove_incident_enterprise(*, actor: Any, incident: Incident, row: IncidentEnterprise) -> None:
    """Remove an affected enterprise listed on this incident."""
    with transaction.atomic():
        incident = _open_locked(actor, incident)
        if row.incident_id != incident.pk:
            raise ValidationError(_("This enterprise is not listed on the incident."))
        label = _enterprise_label(row.enterprise)
        row.delete()
        _audit(actor, incident, "enterprise_removed", enterprise=label)


def link_incident_dispute(*, actor: Any, incident: Incident, dispute: Dispute) -> None:
    """Link a dispute to the incident (once)."""
    with transaction.atomic():
        incident = _open_locked(actor, incident)
        IncidentDispute.objects.get_or_create(incident=incident, dispute=dispute)
        _audit(actor, incident, "dispute_linked", dispute=str(dispute.code))


def add_incident_association(*, actor: Any, incident: Incident, association: Organization) -> None:
    """Involve an industry association (an organization of kind association)."""
    if association.kind != OrgKind.ASSOCIATION:
        raise ValidationError(_("Choose an industry association."))
    with transaction.atomic():
        incident = _open_locked(actor, incident)
        IncidentAssociation.objects.get_or_create(incident=incident, organization=association)
        _audit(actor, incident, "association_added", association=association.pk)


def add_checklist_item(*, actor: Any, incident: Incident, text: str) -> IncidentChecklistItem:
    """Add a step of the staff's own to the checklist, after the others."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": [_("Describe the step.")]})
    with transaction.atomic():
        incident = _open_locked(actor, incident)
        last = incident.checklist.order_by("-position").values_list("position", flat=True).first()
        item = IncidentChecklistItem.objects.create(
            incident=incident, position=(last or 0) + 1, text=text[:300]
        )
        _audit(actor, incident, "step_added", text=item.text)
    return item


def tick_checklist_item(*, actor: Any, item: IncidentChecklistItem) -> None:
    """Mark a step done by the actor now; a step already done stays as first ticked."""
    with transaction.atomic():
        incident = _open_locked(actor, item.incident)
        ticked = IncidentChecklistItem.objects.filter(pk=item.pk, done=False).update(
            done=True, done_by=actor, done_at=timezone.now()
        )
        if ticked:
            _audit(actor, incident, "step_done", step=item.key or item.text)


def notice_recipients(incident: Incident) -> list[User]:
    """Active members of the affected registered enterprises and the involved associations."""
    organizations = list(
        incident.enterprises.exclude(organization=None).values_list("organization", flat=True)
    ) + list(incident.associations.values_list("organization", flat=True))
    return list(
        User.objects.filter(
            is_active=True,
            memberships__organization__in=organizations,
            memberships__is_active=True,
        )
        .distinct()
        .order_by("pk")
    )


def broadcast_notice(*, actor: Any, incident: Incident, text: str) -> IncidentNotice:
    """Send a notice in-app and by email to `notice_recipients`, once each, and record it with
    the number of recipients."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": [_("Write the notice.")]})
    with transaction.atomic():
        incident = _open_locked(actor, incident)
        notice = IncidentNotice.objects.create(incident=incident, text=text, sent_by=actor)
        title = incident.title

        def render() -> tuple[str, str]:
            return _("Notice from the Center: %(title)s") % {"title": title}, text

        sent = notify(
            recipients=notice_recipients(incident),
            event_key=f"monitoring.incident_notice:{notice.pk}",
            render=render,
        )
        notice.recipients = len(sent)
        notice.save(update_fields=["recipients"])
        _audit(actor, incident, "notice_sent", recipients=notice.recipients)
    return notice


def close_incident(*, actor: Any, incident: Incident) -> Incident:
    """Close an open incident; a closed incident can no longer be changed."""
    with transaction.atomic():
        incident = _open_locked(actor, incident)
        Incident.objects.filter(pk=incident.pk).update(
            status=IncidentStatus.CLOSED, closed_at=timezone.now()
        )
        incident.refresh_from_db()
        _audit(actor, incident, "closed")
    return incident
