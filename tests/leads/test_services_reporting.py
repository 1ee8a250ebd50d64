"""District officers report leads for their own district; bad input is refused clearly."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from oipa.core.audit.models import AuditEvent
from oipa.core.notifications.models import Notification
from oipa.leads.builders import UNREGISTERED_USCC, build_lead, lead_fields
from oipa.leads.models import Lead, LeadStatus

pytestmark = pytest.mark.django_db


def test_a_district_officer_reports_a_lead_for_their_district(personas, lead):
    assert lead.status == LeadStatus.NEW
    assert lead.district_office == personas["district"].membership.organization
    assert lead.division_code == "110105"
    assert lead.enterprise is None and lead.uscc == UNREGISTERED_USCC
    event = AuditEvent.objects.get(action="leads.lead_reported")
    assert event.organization == lead.district_office
    assert Notification.objects.filter(recipient=personas["staff"], category="lead").exists()


def test_a_registered_enterprise_is_attached_and_its_name_taken(personas, registered_lead):
    organization = personas["chaoyang"].organization
    assert registered_lead.enterprise == organization
    assert registered_lead.enterprise_name == organization.name


def test_the_uscc_is_normalized_before_it_is_stored(personas):
    spaced = " ".join([UNREGISTERED_USCC[:6], UNREGISTERED_USCC[6:]]).lower()
    lead = build_lead(actor=personas["district"], uscc=spaced)
    assert lead.uscc == UNREGISTERED_USCC


@pytest.mark.parametrize(
    ("uscc", "message"),
    [
        ("91110105MA0CYLD8", "18 characters"),
        (UNREGISTERED_USCC[:-1] + ("0" if UNREGISTERED_USCC[-1] != "0" else "1"), "check"),
        ("91110105MA0CYLDO1", "18 characters"),
    ],
)
def test_a_bad_uscc_is_refused_with_a_clear_message(personas, uscc, message):
    with pytest.raises(ValidationError) as info:
        build_lead(actor=personas["district"], uscc=uscc)

    assert message in " ".join(info.value.message_dict["uscc"])
    assert not Lead.objects.exists()


def test_every_missing_field_is_named(personas):
    fields = lead_fields(
        enterprise_name="", need_type="magic", urgency="", source="fax", description=" "
    )
    from oipa.leads import services

    with pytest.raises(ValidationError) as info:
        services.report_lead(actor=personas["district"], **fields)

    assert set(info.value.message_dict) == {
        "enterprise_name",
        "need_type",
        "urgency",
        "source",
        "description",
    }


@pytest.mark.parametrize("role", ["staff", "chaoyang", "expert", "association", "partner"])
def test_only_district_officers_report_leads(personas, role):
    with pytest.raises(PermissionDenied):
        build_lead(actor=personas[role])


def test_an_office_without_a_district_cannot_report(personas):
    from oipa.accounts.builders import build_member, build_organization

    office = build_organization(kind="district_office", name="未设区划的办公室", division_code="")
    officer = build_member(organization=office, role="district_officer", email="x@test.oipa.cn")

    with pytest.raises(ValidationError) as info:
        build_lead(actor=officer)
    assert "district" in info.value.messages[0]
