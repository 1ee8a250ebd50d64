"""Incident services (Art. 13): Center staff only, each change audited, closed means frozen,
and a broadcast reaches the affected enterprises' and the associations' members once."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from oipa.core.audit.services import events_for
from oipa.core.notifications.models import Notification
from oipa.core.taxonomy.models import Industry
from oipa.monitoring import incidents
from oipa.monitoring.models import DEFAULT_CHECKLIST, IncidentStatus, SourceKind, WatchedEnterprise
from tests.monitoring.dispute_builders import build_dispute, orgs


@pytest.fixture
def dispute(make_source, personas):
    source = make_source(SourceKind.PACER_RSS, "ilnd-rss")
    return build_dispute(source, "1001", defendants=orgs(personas, "chaoyang", "haidian"))


@pytest.fixture
def incident(personas, dispute):
    return incidents.open_incident(
        actor=personas["staff"],
        title="Schedule A wave against e-bike makers",
        industry=Industry.objects.order_by("code").first(),
        enterprises=orgs(personas, "chaoyang", "haidian"),
        disputes=[dispute],
    )


def _actions(incident):
    return [event.action for event in events_for(incident)]


def test_opening_lists_enterprises_disputes_and_the_default_checklist(incident, dispute):
    assert incident.status == IncidentStatus.OPEN
    assert incident.enterprises.count() == 2
    assert [d.dispute for d in incident.disputes.all()] == [dispute]
    assert [item.key for item in incident.checklist.all()] == [k for k, _ in DEFAULT_CHECKLIST]
    assert _actions(incident) == ["monitoring.incident_opened"]


def test_the_default_checklist_reads_in_the_users_language(incident):
    from django.utils import translation

    item = incident.checklist.first()
    assert str(item.label) == "Contact the affected enterprises"
    with translation.override("zh-hans"):
        assert str(item.label)  # translated by the lead's catalogue, never empty


def test_only_center_staff_may_open_or_change_an_incident(personas, incident):
    for persona in ("auditor", "chaoyang", "association", "partner"):
        with pytest.raises(PermissionDenied):
            incidents.open_incident(actor=personas[persona], title="x")
        with pytest.raises(PermissionDenied):
            incidents.close_incident(actor=personas[persona], incident=incident)
        with pytest.raises(PermissionDenied):
            incidents.broadcast_notice(actor=personas[persona], incident=incident, text="x")


def test_an_incident_needs_a_title(personas):
    with pytest.raises(ValidationError):
        incidents.open_incident(actor=personas["staff"], title="  ")


def test_every_change_is_audited(personas, incident, make_source):
    staff = personas["staff"]
    watched = WatchedEnterprise.objects.create(name="天津未注册企业", province_code="12")
    other = build_dispute(make_source(SourceKind.SPREADSHEET, "staff-upload"), "2002")
    association = personas["association"].organization
    incidents.add_incident_enterprise(actor=staff, incident=incident, enterprise=watched)
    row = incident.enterprises.get(watched=watched)
    incidents.remove_incident_enterprise(actor=staff, incident=incident, row=row)
    incidents.link_incident_dispute(actor=staff, incident=incident, dispute=other)
    incidents.add_incident_association(actor=staff, incident=incident, association=association)
    step = incidents.add_checklist_item(actor=staff, incident=incident, text="Call the platform")
    incidents.tick_checklist_item(actor=staff, item=step)
    incidents.close_incident(actor=staff, incident=incident)
    assert _actions(incident) == [
        "monitoring.incident_opened",
        "monitoring.incident_enterprise_added",
        "monitoring.incident_enterprise_removed",
        "monitoring.incident_dispute_linked",
        "monitoring.incident_association_added",
        "monitoring.incident_step_added",
        "monitoring.incident_step_done",
        "monitoring.incident_closed",
    ]


def test_ticking_records_who_and_when_once(personas, incident):
    item = incident.checklist.first()
    incidents.tick_checklist_item(actor=personas["staff"], item=item)
    incidents.tick_checklist_item(actor=personas["admin"], item=item)
    item.refresh_from_db()
    assert item.done and item.done_by == personas["staff"] and item.done_at is not None
    assert _actions(incident).count("monitoring.incident_step_done") == 1


def test_only_associations_can_be_involved_and_only_enterprises_affected(personas, incident):
    with pytest.raises(ValidationError):
        incidents.add_incident_association(
            actor=personas["staff"],
            incident=incident,
            association=personas["district"].organization,
        )
    with pytest.raises(ValidationError):
        incidents.add_incident_enterprise(
            actor=personas["staff"], incident=incident, enterprise=personas["partner"].organization
        )


def test_a_closed_incident_cannot_be_changed(personas, incident):
    incidents.close_incident(actor=personas["staff"], incident=incident)
    incident.refresh_from_db()
    assert incident.status == IncidentStatus.CLOSED and incident.closed_at is not None
    with pytest.raises(ValidationError):
        incidents.broadcast_notice(actor=personas["staff"], incident=incident, text="Too late")
    with pytest.raises(ValidationError):
        incidents.close_incident(actor=personas["staff"], incident=incident)


def test_the_broadcast_reaches_affected_enterprises_and_associations_members(personas, incident):
    association = personas["association"].organization
    incidents.add_incident_association(
        actor=personas["staff"], incident=incident, association=association
    )
    notice = incidents.broadcast_notice(
        actor=personas["staff"], incident=incident, text="Briefing on Friday at 14:00."
    )
    sent = Notification.objects.filter(event_key=f"monitoring.incident_notice:{notice.pk}")
    assert {n.recipient for n in sent} == {
        personas["chaoyang"],
        personas["haidian"],
        personas["association"],
    }
    assert notice.recipients == 3
    assert all(n.body == "Briefing on Friday at 14:00." for n in sent)
    assert personas["tianjin"] not in {n.recipient for n in sent}
    assert "monitoring.incident_notice_sent" in _actions(incident)


def test_an_empty_notice_is_refused(personas, incident):
    with pytest.raises(ValidationError):
        incidents.broadcast_notice(actor=personas["staff"], incident=incident, text=" ")
