"""Staff enter one dispute by hand: stored like a spreadsheet row, keyed by the reference, and
matched against the monitored enterprises."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from oipa.core.audit.models import AuditEvent
from oipa.monitoring.models import Alert, Dispute, DisputeChange, ImportRun
from oipa.monitoring.services_entry import enter_dispute

ENTRY = {
    "reference": "cbp-2026-0042",
    "dispute_type": "customs_seizure",
    "forum": "U.S. CBP Los Angeles",
    "jurisdiction": "us",
    "case_number": "CBP-2026-2704-000042",
    "filed_on": "2026-03-02",
    "nature_of_suit": "840 Trademark",
    "title": "Seizure of wireless earbuds",
    "plaintiffs": "Acme Audio LLC",
    "defendants": "Xinghe Zhilian Technology (Beijing) Co., Ltd.\nOther Seller",
    "url": "https://example.org/cbp/42",
    "note": "Letter from the importer's broker",
}


def enter(client, **changes):
    return client.post(
        reverse("monitoring:dispute_enter"), {**ENTRY, **changes}, HTTP_ACCEPT_LANGUAGE="en"
    )


def test_staff_enter_a_dispute_and_its_parties_are_matched(
    client, personas, django_capture_on_commit_callbacks
):
    client.force_login(personas["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        response = enter(client)
    dispute = Dispute.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("monitoring:dispute_detail", args=[dispute.code])
    assert (dispute.external_id, dispute.jurisdiction) == ("cbp-2026-0042", "US")
    assert (dispute.dispute_type, dispute.ip_type) == ("customs_seizure", "trademark")
    assert [p.name for p in dispute.defendants] == [
        "Xinghe Zhilian Technology (Beijing) Co., Ltd.",
        "Other Seller",
    ]
    run = ImportRun.objects.get()
    assert (run.read, run.new, run.triggered_by) == (1, 1, personas["staff"])
    assert run.matched_at is not None
    alert = Alert.objects.get()
    assert alert.organization == personas["chaoyang"].organization
    assert AuditEvent.objects.filter(action="monitoring.dispute_entered").count() == 1


def test_entering_the_same_reference_updates_the_dispute(client, personas):
    client.force_login(personas["staff"])
    enter(client)
    enter(client, case_number="CBP-2026-2704-000043", defendants="Third Seller")
    dispute = Dispute.objects.get()
    assert dispute.case_number == "CBP-2026-2704-000043"
    assert dispute.parties.count() == 4  # parties are only added
    change = DisputeChange.objects.get()
    assert change.changes["parties"] == ["Third Seller"]


def test_bad_input_is_refused_with_the_field_named_and_nothing_stored(client, personas):
    client.force_login(personas["staff"])
    response = enter(client, jurisdiction="XX")
    assert response.status_code == 400
    assert "jurisdiction: unknown code XX" in response.content.decode()
    response = enter(client, defendants="", title="")
    assert "give a title or at least one defendant" in response.content.decode()
    assert not Dispute.objects.exists() and not ImportRun.objects.exists()


@pytest.mark.parametrize("persona", ["auditor", "chaoyang", "partner", "expert"])
def test_only_center_staff_reach_the_form(client, personas, persona):
    client.force_login(personas[persona])
    assert client.get(reverse("monitoring:dispute_enter")).status_code == 404
    assert enter(client).status_code == 404
    assert not Dispute.objects.exists()


def test_the_service_refuses_others_and_bad_input(personas):
    with pytest.raises(PermissionDenied):
        enter_dispute(actor=personas["chaoyang"], reference="x", forum="f", title="t")
    with pytest.raises(ValidationError):
        enter_dispute(actor=personas["staff"], reference=" ", forum="f", title="t")
