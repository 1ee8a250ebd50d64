"""The leads pages over HTTP: reporting, the list, triage, and the invitation page."""

import pytest
from django.urls import reverse

from oipa.assistance.models import Application
from oipa.leads import services
from oipa.leads.builders import UNREGISTERED_USCC, build_lead, lead_fields
from oipa.leads.models import Lead, LeadStatus

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_a_district_officer_reports_a_lead_from_the_form(client, personas):
    client.force_login(personas["district"])

    response = client.post(reverse("leads:lead_create"), lead_fields())

    lead = Lead.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("leads:lead_detail", args=[lead.code])
    assert lead.reported_by == personas["district"]


def test_a_bad_uscc_is_shown_on_the_form_and_nothing_is_stored(client, personas):
    client.force_login(personas["district"])

    response = client.post(reverse("leads:lead_create"), lead_fields(uscc="123"), **EN)

    assert response.status_code == 400
    assert "A unified social credit code has 18 characters; this one has 3." in (
        response.content.decode()
    )
    assert not Lead.objects.exists()


@pytest.mark.parametrize("role", ["staff", "chaoyang", "expert"])
def test_only_district_officers_reach_the_report_form(client, personas, role):
    client.force_login(personas[role])
    assert client.get(reverse("leads:lead_create")).status_code == 404


def test_the_list_shows_a_district_only_its_leads_with_constant_queries(
    client, personas, haidian_officer, django_assert_max_num_queries
):
    for index in range(5):
        build_lead(actor=personas["district"], enterprise_name=f"朝阳企业{index}")
    build_lead(actor=haidian_officer, enterprise_name="海淀企业")
    client.force_login(personas["district"])

    with django_assert_max_num_queries(10):
        body = client.get(reverse("leads:lead_list")).content.decode()

    assert body.count("朝阳企业") == 5 and "海淀企业" not in body


def test_the_center_sees_every_district_and_filters_by_status(client, personas, haidian_officer):
    build_lead(actor=personas["district"], enterprise_name="朝阳企业")
    closed = build_lead(actor=haidian_officer, enterprise_name="海淀企业")
    services.close_lead(actor=personas["staff"], lead=closed, note="重复线索")
    client.force_login(personas["staff"])

    everything = client.get(reverse("leads:lead_list")).content.decode()
    only_new = client.get(reverse("leads:lead_list"), {"status": "new"}).content.decode()

    assert "朝阳企业" in everything and "海淀企业" in everything
    assert "朝阳企业" in only_new and "海淀企业" not in only_new


def test_staff_convert_a_lead_from_its_page_and_the_district_sees_the_outcome(
    client, personas, lead
):
    client.force_login(personas["staff"])
    response = client.post(
        reverse("leads:lead_act", args=[lead.code, "convert"]),
        {"convert-conversion": "funding", "convert-note": "已安排资助咨询"},
    )
    assert response.status_code == 302

    client.force_login(personas["district"])
    page = client.get(reverse("leads:lead_detail", args=[lead.code]), **EN).content.decode()
    assert "Funding consultation offered." in page and "已安排资助咨询" in page
    lead.refresh_from_db()
    assert reverse("leads:invitation", args=[lead.invitation_code]) in page
    assert "Triage" not in page


def test_a_training_conversion_without_an_event_is_explained_on_the_page(client, personas, lead):
    client.force_login(personas["staff"])

    response = client.post(
        reverse("leads:lead_act", args=[lead.code, "convert"]),
        {"convert-conversion": "training"},
        **EN,
    )

    assert response.status_code == 400
    assert "Choose an upcoming event to invite them to." in response.content.decode()
    assert Lead.objects.get(pk=lead.pk).status == LeadStatus.NEW


def test_an_unknown_action_answers_404(client, personas, lead):
    client.force_login(personas["staff"])
    assert client.post(reverse("leads:lead_act", args=[lead.code, "delete"])).status_code == 404


def test_the_invitation_page_offers_registration_to_visitors(client, personas, lead):
    lead = services.convert_lead(actor=personas["staff"], lead=lead, conversion="guidance")

    page = client.get(reverse("leads:invitation", args=[lead.invitation_code]), **EN)

    assert page.status_code == 200
    body = page.content.decode()
    assert "Register your enterprise" in body and lead.description not in body


def test_the_invitation_of_a_lead_not_converted_answers_404(client, lead):
    assert client.get(reverse("leads:invitation", args=[lead.invitation_code])).status_code == 404


def test_the_lead_code_does_not_open_the_invitation(client, personas, lead):
    services.convert_lead(actor=personas["staff"], lead=lead, conversion="guidance")
    assert client.get(reverse("leads:invitation", args=[lead.code])).status_code == 404


def test_the_invited_enterprise_opens_the_prefilled_form_in_one_click(
    client, personas, registered_lead
):
    lead = services.convert_lead(
        actor=personas["staff"], lead=registered_lead, conversion="guidance"
    )
    client.force_login(personas["chaoyang"])
    page = client.get(reverse("leads:invitation", args=[lead.invitation_code]), **EN)
    assert "Open the prefilled application" in page.content.decode()

    response = client.post(reverse("leads:invitation_start", args=[lead.invitation_code]))

    application = Application.objects.get()
    assert response["Location"] == reverse("assistance:application_edit", args=[application.code])
    form = client.get(response["Location"]).content.decode()
    assert lead.description in form


def test_another_enterprise_cannot_start_from_the_invitation(client, personas, registered_lead):
    lead = services.convert_lead(
        actor=personas["staff"], lead=registered_lead, conversion="guidance"
    )
    client.force_login(personas["haidian"])

    response = client.post(reverse("leads:invitation_start", args=[lead.invitation_code]))

    assert response.status_code == 404
    assert not Application.objects.exists()
    assert personas["haidian"].organization.uscc != UNREGISTERED_USCC
