"""The Center contacts, converts or closes leads; the enterprise is invited; the district is
told; a converted guidance lead opens a prefilled application once."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from oipa.accounts.builders import build_member, build_organization
from oipa.assistance.models import Application
from oipa.core.notifications.models import Notification
from oipa.leads import services
from oipa.leads.builders import UNREGISTERED_USCC
from oipa.leads.models import Lead, LeadStatus
from oipa.leads.outcome import outcome_of
from oipa.training.builders import build_event, build_registration

pytestmark = pytest.mark.django_db


def test_recording_first_contact_stamps_the_time_once(personas, lead):
    lead = services.record_first_contact(actor=personas["staff"], lead=lead, note="已电话联系")

    assert lead.status == LeadStatus.CONTACTED and lead.first_contact_at is not None
    with pytest.raises(ValidationError) as info:
        services.record_first_contact(actor=personas["staff"], lead=lead)
    assert info.value.code == "invalid_transition"


@pytest.mark.parametrize("role", ["auditor", "district", "chaoyang", "expert"])
def test_only_center_staff_triage(personas, lead, role):
    with pytest.raises(PermissionDenied):
        services.convert_lead(actor=personas[role], lead=lead, conversion="guidance")


def test_a_stale_page_cannot_convert_a_lead_someone_closed(personas, lead):
    stale = Lead.objects.get(pk=lead.pk)
    services.close_lead(actor=personas["staff"], lead=lead, note="企业已自行委托律师")

    with pytest.raises(ValidationError) as info:
        services.convert_lead(actor=personas["admin"], lead=stale, conversion="funding")

    assert info.value.code == "stale"
    assert Lead.objects.get(pk=lead.pk).status == LeadStatus.CLOSED


def test_closing_needs_a_reason(personas, lead):
    with pytest.raises(ValidationError):
        services.close_lead(actor=personas["staff"], lead=lead, note="")
    assert Lead.objects.get(pk=lead.pk).status == LeadStatus.NEW


def test_converting_an_unregistered_enterprise_emails_an_invitation_to_register(
    personas, lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        lead = services.convert_lead(actor=personas["staff"], lead=lead, conversion="guidance")

    assert lead.first_contact_at == lead.converted_at
    [message] = [m for m in mail.outbox if m.to == ["zhou@zhaohui.example.cn"]]
    assert f"/leads/invitations/{lead.invitation_code}/" in message.body
    assert "register your enterprise" in message.body
    assert Lead.objects.get(pk=lead.pk).invited_at is not None
    assert Notification.objects.filter(
        recipient=personas["district"], event_key=f"lead:{lead.code}:converted"
    ).exists()


def test_converting_a_registered_enterprise_notifies_its_members_with_the_link(
    personas, registered_lead
):
    services.convert_lead(actor=personas["staff"], lead=registered_lead, conversion="guidance")

    notice = Notification.objects.get(
        recipient=personas["chaoyang"], event_key=f"lead:{registered_lead.code}:invitation"
    )
    assert notice.url == f"/leads/invitations/{registered_lead.invitation_code}/"


def test_the_invited_enterprise_opens_one_prefilled_application(personas, registered_lead):
    lead = services.convert_lead(
        actor=personas["staff"], lead=registered_lead, conversion="guidance"
    )

    first = services.start_lead_application(actor=personas["chaoyang"], lead=lead)
    again = services.start_lead_application(actor=personas["chaoyang"], lead=lead)

    assert first.pk == again.pk and Application.objects.count() == 1
    assert first.status == "draft"
    assert first.description == lead.description
    assert "Chaoyang" in first.title or "朝阳" in first.title
    lead.refresh_from_db()
    assert lead.application == first
    assert outcome_of(lead).startswith("Guidance application")


def test_an_enterprise_registered_after_the_invitation_can_open_it(personas, lead):
    lead = services.convert_lead(actor=personas["staff"], lead=lead, conversion="guidance")
    organization = build_organization(
        kind="enterprise", name="北京朝晖智能家居有限公司", uscc=UNREGISTERED_USCC
    )
    newcomer = build_member(
        organization=organization, role="enterprise_admin", email="zhou@zhaohui.example.cn"
    )

    application = services.start_lead_application(actor=newcomer, lead=lead)

    lead.refresh_from_db()
    assert application.applicant == organization
    assert lead.enterprise == organization


def test_another_enterprise_cannot_take_up_the_invitation(personas, registered_lead):
    lead = services.convert_lead(
        actor=personas["staff"], lead=registered_lead, conversion="guidance"
    )

    with pytest.raises(PermissionDenied):
        services.start_lead_application(actor=personas["haidian"], lead=lead)
    assert not Application.objects.exists()


def test_a_lead_not_converted_into_guidance_opens_no_application(personas, registered_lead):
    lead = services.convert_lead(
        actor=personas["staff"], lead=registered_lead, conversion="funding"
    )

    with pytest.raises(ValidationError):
        services.start_lead_application(actor=personas["chaoyang"], lead=lead)


def test_a_training_invitation_needs_an_upcoming_event_and_reports_the_registration(
    personas, registered_lead
):
    with pytest.raises(ValidationError) as info:
        services.convert_lead(actor=personas["staff"], lead=registered_lead, conversion="training")
    assert "event" in info.value.message_dict

    event = build_event(actor=personas["staff"])
    lead = services.convert_lead(
        actor=personas["staff"], lead=registered_lead, conversion="training", event=event
    )
    assert "not registered yet" in outcome_of(lead)
    notice = Notification.objects.get(
        recipient=personas["chaoyang"], event_key=f"lead:{lead.code}:invitation"
    )
    assert notice.url == f"/training/{event.code}/"

    build_registration(actor=personas["chaoyang"], event=event)
    assert outcome_of(lead).endswith("Confirmed.")


def test_an_unknown_conversion_is_refused(personas, lead):
    with pytest.raises(ValidationError):
        services.convert_lead(actor=personas["staff"], lead=lead, conversion="lottery")
    assert Lead.objects.get(pk=lead.pk).status == LeadStatus.NEW
