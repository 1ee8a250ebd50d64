"""Staff actions on a case: each view calls its service and redirects to the case page."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from oipa.accounts.builders import build_organization
from oipa.accounts.models import OrgKind
from oipa.assistance import services
from oipa.assistance.builders import pdf_upload
from oipa.assistance.models import GuidanceKind, JointGuidance, Referral
from oipa.assistance.workflow import Status

pytestmark = pytest.mark.django_db


def act_url(application, action: str) -> str:
    return reverse("assistance:staff_act", kwargs={"code": application.code, "action": action})


def case_url(application) -> str:
    return reverse("assistance:application_detail", kwargs={"code": application.code})


def post(client, user, application, action: str, data=None):
    client.force_login(user)
    return client.post(act_url(application, action), data or {})


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def assert_done(response, application) -> None:
    assert response.status_code == 302
    assert response["Location"] == case_url(application)
    assert messages_of(response)


@pytest.fixture
def mediation_body(db):
    return build_organization(kind=OrgKind.MEDIATION_BODY, name="北京国际调解中心")


@pytest.fixture
def concluded(personas, accepted):
    return services.conclude_application(
        actor=personas["staff"], application=accepted, outcome="settled"
    )


def test_accept_makes_the_chosen_person_case_officer(client, personas, submitted):
    response = post(
        client, personas["staff"], submitted, "accept", {"case_officer": personas["admin"].pk}
    )
    assert_done(response, submitted)
    submitted.refresh_from_db()
    assert submitted.status == Status.ACCEPTED
    assert submitted.case_officer == personas["admin"]


def test_decline_records_the_reason(client, personas, submitted):
    response = post(client, personas["staff"], submitted, "decline", {"reason": "不属于援助范围"})
    assert_done(response, submitted)
    submitted.refresh_from_db()
    assert (submitted.status, submitted.decision_note) == (Status.DECLINED, "不属于援助范围")


def test_request_info_asks_the_enterprise(client, personas, submitted):
    response = post(client, personas["staff"], submitted, "request-info", {"request": "补充起诉状"})
    assert_done(response, submitted)
    submitted.refresh_from_db()
    assert submitted.status == Status.INFO_REQUESTED


def test_assign_officer_changes_the_case_officer(client, personas, accepted):
    response = post(
        client, personas["staff"], accepted, "assign-officer", {"officer": personas["admin"].pk}
    )
    assert_done(response, accepted)
    accepted.refresh_from_db()
    assert accepted.case_officer == personas["admin"]


def test_assign_expert_starts_guidance(client, personas, accepted):
    data = {"expert": personas["expert"].pk, "role": "lead"}
    response = post(client, personas["staff"], accepted, "assign-expert", data)
    assert_done(response, accepted)
    accepted.refresh_from_db()
    assert accepted.status == Status.IN_GUIDANCE
    assert accepted.experts.get().role == "lead"


def test_propose_and_confirm_joint_guidance(client, personas, submitted):
    partner = personas["partner"].membership.organization
    data = {"partner_centers": [partner.pk], "major_impact": "on"}
    assert_done(post(client, personas["staff"], submitted, "propose-joint", data), submitted)
    submitted.refresh_from_db()
    assert submitted.joint_guidance == JointGuidance.PROPOSED
    assert submitted.major_jjj_impact is True
    assert list(submitted.partner_centers.all()) == [partner]
    assert_done(post(client, personas["staff"], submitted, "confirm-joint"), submitted)
    submitted.refresh_from_db()
    assert submitted.joint_guidance == JointGuidance.CONFIRMED


def test_record_consultation(client, personas, accepted):
    data = {"held_on": timezone.localdate(), "attendees": "钱专家", "summary": "讨论应诉策略"}
    assert_done(post(client, personas["staff"], accepted, "consultation", data), accepted)
    record = accepted.guidance.get()
    assert (record.kind, record.attendees) == (GuidanceKind.CONSULTATION, "钱专家")


def test_upload_guidance_opinion(client, personas, accepted):
    data = {"upload": pdf_upload("opinion.pdf"), "summary": "建议积极应诉"}
    assert_done(post(client, personas["staff"], accepted, "opinion", data), accepted)
    record = accepted.guidance.get()
    assert record.kind == GuidanceKind.OPINION
    assert record.attachment.original_name == "opinion.pdf"


def test_refer_to_mediation_and_record_its_outcome(client, personas, accepted, mediation_body):
    data = {"body": mediation_body.pk, "kind": "mediation", "note": "双方同意调解"}
    assert_done(post(client, personas["staff"], accepted, "refer", data), accepted)
    referral = Referral.objects.get(application=accepted)
    assert referral.body == mediation_body
    data = {"referral": referral.pk, "outcome": "达成和解"}
    assert_done(post(client, personas["staff"], accepted, "referral-outcome", data), accepted)
    referral.refresh_from_db()
    assert referral.outcome == "达成和解"


def test_conclude_with_an_outcome(client, personas, accepted):
    data = {"outcome": "won", "note": "胜诉"}
    assert_done(post(client, personas["staff"], accepted, "conclude", data), accepted)
    accepted.refresh_from_db()
    assert (accepted.status, accepted.outcome) == (Status.CONCLUDED, "won")


def test_close_and_reopen(client, personas, concluded):
    assert_done(post(client, personas["staff"], concluded, "close"), concluded)
    concluded.refresh_from_db()
    assert concluded.status == Status.CLOSED
    data = {"reason": "对方提起上诉"}
    assert_done(post(client, personas["staff"], concluded, "reopen", data), concluded)
    concluded.refresh_from_db()
    assert concluded.status == Status.IN_GUIDANCE


def test_set_confidentiality_with_supervisors(client, personas, accepted):
    data = {"confidential": "on", "supervisors": [personas["auditor"].pk]}
    assert_done(post(client, personas["staff"], accepted, "confidentiality", data), accepted)
    accepted.refresh_from_db()
    assert accepted.confidential is True
    assert list(accepted.supervisors.all()) == [personas["auditor"]]


def test_a_refused_transition_comes_back_as_a_message(client, personas, accepted):
    response = post(
        client, personas["staff"], accepted, "accept", {"case_officer": personas["staff"].pk}
    )
    assert response.status_code == 302
    assert response["Location"] == case_url(accepted)
    assert any("“" in text for text in messages_of(response))
    accepted.refresh_from_db()
    assert accepted.status == Status.ACCEPTED


def test_confirming_unproposed_joint_guidance_is_a_message_too(client, personas, submitted):
    response = post(client, personas["staff"], submitted, "confirm-joint")
    assert response.status_code == 302
    assert messages_of(response)


def test_missing_input_re_renders_the_form_with_errors(client, personas, submitted):
    response = post(client, personas["staff"], submitted, "decline", {"reason": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"]
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_a_service_error_on_a_field_keeps_what_was_typed(client, personas, accepted):
    future = timezone.localdate().replace(year=timezone.localdate().year + 1)
    data = {"held_on": future, "summary": "<b>已输入的纪要</b>"}
    response = post(client, personas["staff"], accepted, "consultation", data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "&lt;b&gt;已输入的纪要&lt;/b&gt;" in body
    assert response.context["form"].errors["held_on"]


def test_an_unknown_action_is_404(client, personas, submitted):
    assert post(client, personas["staff"], submitted, "delete-everything").status_code == 404


@pytest.mark.parametrize("persona", ["auditor", "chaoyang", "haidian", "partner", "district"])
def test_only_center_staff_may_act(client, personas, submitted, persona):
    response = post(client, personas[persona], submitted, "decline", {"reason": "x"})
    assert response.status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_an_assigned_expert_may_not_use_staff_actions(client, personas, accepted):
    services.assign_expert(actor=personas["staff"], application=accepted, expert=personas["expert"])
    response = post(client, personas["expert"], accepted, "conclude", {"outcome": "won"})
    assert response.status_code == 404


def test_staff_who_may_not_read_a_confidential_case_get_404(client, personas, accepted):
    services.set_confidentiality(actor=personas["staff"], application=accepted, confidential=True)
    services.assign_case_officer(
        actor=personas["staff"], application=accepted, officer=personas["admin"]
    )
    response = post(client, personas["staff"], accepted, "conclude", {"outcome": "won"})
    assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_login(client, submitted):
    response = client.post(act_url(submitted, "decline"), {"reason": "x"})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_it_accepts_only_post(client, personas, submitted):
    client.force_login(personas["staff"])
    assert client.get(act_url(submitted, "close")).status_code == 405


def test_a_stale_conflict_comes_back_as_a_message(client, personas, concluded, monkeypatch):
    def someone_else_was_faster(**kwargs):
        raise ValidationError("Someone else changed this application.", code="stale")

    monkeypatch.setattr(services, "close_application", someone_else_was_faster)
    response = post(client, personas["staff"], concluded, "close")
    assert response.status_code == 302
    assert messages_of(response) == ["Someone else changed this application."]
