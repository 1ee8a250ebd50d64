"""The guided application form: create, edit, submit, the dispute-type partial, idempotency."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from oipa.assistance.builders import build_application
from oipa.assistance.models import Application
from oipa.assistance.workflow import Status

pytestmark = pytest.mark.django_db

CREATE = reverse("assistance:application_create")


def edit_url(application):
    return reverse("assistance:application_edit", args=[application.code])


def form_data(**overrides):
    """A complete US patent suit, as the browser posts it."""
    today = timezone.localdate()
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "title": "美国专利诉讼应诉",
        "dispute_type": "litigation",
        "ip_types": ["patent"],
        "our_role": "defendant",
        "jurisdictions": ["US"],
        "forum": "US – N.D. Illinois",
        "case_numbers": "1:26-cv-01234",
        "served_on": (today - timedelta(days=2)).isoformat(),
        "response_deadline": (today + timedelta(days=20)).isoformat(),
        "hearing_on": (today + timedelta(days=40)).isoformat(),
        "ipc_codes": "H04W",
        "nice_classes": [],
        "products": "无线耳机",
        "amount_at_stake": "250000",
        "currency": "USD",
        "description": "原告指控我司无线耳机侵犯其美国专利。",
        "help_wanted": "应诉策略",
        "consent_data_use": "on",
        "parties-TOTAL_FORMS": "2",
        "parties-INITIAL_FORMS": "0",
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "1000",
        "parties-0-kind": "counterparty",
        "parties-0-name": "Acme Audio LLC",
        "parties-0-country": "US",
        "parties-1-kind": "counterparty",
        "action": "save",
    }
    data.update(overrides)
    return data


def test_it_shows_an_empty_form_with_a_fresh_idempotency_key(client, personas):
    client.force_login(personas["chaoyang"])
    response = client.get(CREATE)
    assert response.status_code == 200
    assert response.context["form"].initial["idempotency_key"]
    assert 'name="idempotency_key"' in response.text


def test_it_saves_a_draft_and_returns_to_the_form(client, personas):
    client.force_login(personas["chaoyang"])
    response = client.post(CREATE, form_data())
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == edit_url(application)
    assert application.status == Status.DRAFT
    assert application.title == "美国专利诉讼应诉"
    assert [j.code for j in application.jurisdictions.all()] == ["US"]
    assert application.parties.get().name == "Acme Audio LLC"


def test_two_posts_with_the_same_key_create_one_application(client, personas):
    client.force_login(personas["chaoyang"])
    data = form_data()
    client.post(CREATE, data)
    client.post(CREATE, data)
    assert Application.objects.count() == 1


def test_a_second_post_with_the_same_key_saves_into_the_first_draft(client, personas):
    client.force_login(personas["chaoyang"])
    key = str(uuid.uuid4())
    client.post(CREATE, form_data(idempotency_key=key))
    client.post(CREATE, form_data(idempotency_key=key, title="从后退的页面再次保存"))
    assert Application.objects.get().title == "从后退的页面再次保存"


def test_a_double_submit_creates_and_submits_one_application(client, personas):
    client.force_login(personas["chaoyang"])
    data = form_data(action="submit")
    first = client.post(CREATE, data)
    second = client.post(CREATE, data)
    application = Application.objects.get()
    assert application.status == Status.SUBMITTED
    detail = reverse("assistance:application_detail", args=[application.code])
    assert first["Location"] == second["Location"] == detail


def test_submit_sends_a_complete_application_to_the_center(client, personas):
    client.force_login(personas["chaoyang"])
    response = client.post(CREATE, form_data(action="submit"))
    application = Application.objects.get()
    assert response.status_code == 302
    assert application.status == Status.SUBMITTED
    assert application.number


def test_an_incomplete_submission_shows_errors_and_keeps_what_was_typed(client, personas):
    client.force_login(personas["chaoyang"])
    blank_party = {"parties-0-name": "", "parties-0-country": ""}
    data = form_data(action="submit", help_wanted="", forum="", **blank_party)
    response = client.post(CREATE, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert "help_wanted" in form.errors and "forum" in form.errors
    assert response.context["parties"].service_errors
    application = Application.objects.get()
    assert application.status == Status.DRAFT
    assert application.description == "原告指控我司无线耳机侵犯其美国专利。"
    assert "原告指控我司无线耳机侵犯其美国专利。" in response.text


def test_an_unknown_ipc_code_is_shown_on_its_field_and_nothing_else_is_lost(client, personas):
    client.force_login(personas["chaoyang"])
    response = client.post(CREATE, form_data(ipc_codes="Z99Q"))
    assert response.status_code == 400
    assert "ipc_codes" in response.context["form"].errors
    application = Application.objects.get()
    assert application.title == "美国专利诉讼应诉"
    assert application.ipc_codes == []
    assert 'value="Z99Q"' in response.text
    assert edit_url(application) in response.text  # the next post edits, not creates again


def test_an_invalid_date_keeps_the_other_fields_of_an_existing_draft(client, personas):
    enterprise = personas["chaoyang"]
    draft = build_application(actor=enterprise, submit=False)
    client.force_login(enterprise)
    response = client.post(edit_url(draft), form_data(served_on="31/31/2026", title="新标题"))
    assert response.status_code == 400
    assert "served_on" in response.context["form"].errors
    draft.refresh_from_db()
    assert draft.title == "新标题"
    assert draft.served_on is not None  # the saved date is not overwritten by a bad one


def test_the_edit_page_shows_the_saved_draft(client, personas):
    enterprise = personas["chaoyang"]
    draft = build_application(actor=enterprise, submit=False)
    client.force_login(enterprise)
    response = client.get(edit_url(draft))
    assert response.status_code == 200
    assert response.context["form"].initial["title"] == draft.title
    assert "Acme Audio LLC" in response.text


def test_saving_an_existing_draft_keeps_its_changes(client, personas):
    enterprise = personas["chaoyang"]
    draft = build_application(actor=enterprise, submit=False)
    client.force_login(enterprise)
    response = client.post(edit_url(draft), form_data(title="改过的标题"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "改过的标题"


def test_a_submitted_application_is_no_longer_editable(client, personas, submitted):
    client.force_login(personas["chaoyang"])
    response = client.get(edit_url(submitted))
    assert response["Location"] == reverse("assistance:application_detail", args=[submitted.code])


def test_another_enterprise_cannot_open_or_post_the_draft(client, personas):
    draft = build_application(actor=personas["chaoyang"], submit=False)
    client.force_login(personas["haidian"])
    assert client.get(edit_url(draft)).status_code == 404
    assert client.post(edit_url(draft), form_data(title="hijack")).status_code == 404
    draft.refresh_from_db()
    assert draft.title != "hijack"


def test_center_staff_cannot_edit_an_enterprise_application(client, personas, submitted):
    client.force_login(personas["staff"])
    assert client.get(edit_url(submitted)).status_code == 404


def test_only_enterprises_can_open_the_new_application_form(client, personas):
    client.force_login(personas["expert"])
    assert client.get(CREATE).status_code == 404


def test_a_tianjin_enterprise_is_told_where_to_apply_instead(client, personas):
    client.force_login(personas["tianjin"])
    page = client.get(CREATE)
    assert page.context["eligibility_problem"]
    response = client.post(CREATE, form_data(action="submit"))
    assert response.status_code == 400
    message = " ".join(response.context["form"].non_field_errors())
    assert "天津" in message or "Tianjin" in message
    assert personas["partner"].organization.name in message
    assert Application.objects.get().status == Status.DRAFT


def test_the_dispute_partial_hides_the_hearing_date_of_a_warning_letter(client, personas):
    client.force_login(personas["chaoyang"])
    url = reverse("assistance:application_dispute_fields")
    response = client.get(url, {"dispute_type": "warning_letter", "served_on": "2026-03-02"})
    assert response.status_code == 200
    assert 'name="hearing_on"' not in response.text
    assert 'name="case_numbers"' not in response.text
    assert 'value="2026-03-02"' in response.text
    litigation = client.get(url, {"dispute_type": "litigation"})
    assert 'name="hearing_on"' in litigation.text


def test_the_full_form_includes_the_dispute_partial_for_the_saved_type(client, personas):
    enterprise = personas["chaoyang"]
    draft = build_application(actor=enterprise, submit=False, dispute_type="warning_letter")
    client.force_login(enterprise)
    response = client.get(edit_url(draft))
    assert 'id="dispute-fields"' in response.text
    assert 'name="hearing_on"' not in response.text
    assert "hx-get" in response.text


def test_anonymous_visitors_are_sent_to_login(client):
    assert client.get(CREATE).status_code == 302
    assert client.get(reverse("assistance:application_dispute_fields")).status_code == 302
