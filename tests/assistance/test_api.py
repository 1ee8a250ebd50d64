"""The applications API: same scoping, services and errors as the UI."""

import uuid

import pytest
from django.urls import reverse

from oipa.assistance.builders import build_application, draft_fields, pdf_upload
from oipa.assistance.models import Application

pytestmark = pytest.mark.django_db


def detail(app, action=None):
    if action is None:
        return reverse("api:application-detail", args=[app.code])
    return reverse(f"api:application-{action.replace('_', '-')}", args=[app.code])


LIST = "/api/v1/applications/"


def json_fields(**overrides):
    """draft_fields() as the API takes them: dates as ISO strings, jurisdictions as codes."""
    fields = draft_fields(**overrides)
    fields["jurisdictions"] = [j.code for j in fields["jurisdictions"]]
    for name in ("served_on", "response_deadline"):
        fields[name] = fields[name].isoformat()
    return fields


def test_an_enterprise_lists_only_its_own_applications(client, personas, submitted):
    own = build_application(actor=personas["haidian"])
    client.force_login(personas["haidian"])
    codes = [row["code"] for row in client.get(LIST).json()["results"]]
    assert codes == [str(own.code)]


@pytest.mark.parametrize(
    ("method", "action"),
    [
        ("get", None),
        ("patch", None),
        ("get", "files"),
        ("post", "files"),
        ("get", "messages"),
        ("post", "messages"),
        ("post", "submit"),
        ("post", "withdraw"),
        ("post", "accept"),
    ],
)
def test_another_enterprise_gets_404_for_everything(client, personas, submitted, method, action):
    client.force_login(personas["haidian"])
    response = getattr(client, method)(detail(submitted, action), {})
    assert response.status_code == 404


def test_another_enterprise_cannot_upload_a_file(client, personas, submitted):
    client.force_login(personas["haidian"])
    response = client.post(detail(submitted, "files"), {"file": pdf_upload(), "kind": "evidence"})
    assert response.status_code == 404
    assert not submitted.attachments.exists()


def test_anonymous_callers_are_refused(client, submitted):
    assert client.get(LIST).status_code == 403


def test_creating_twice_with_one_idempotency_key_makes_one_application(client, personas):
    client.force_login(personas["chaoyang"])
    key = str(uuid.uuid4())
    first = client.post(
        LIST, json_fields(), content_type="application/json", HTTP_IDEMPOTENCY_KEY=key
    )
    again = client.post(
        LIST, json_fields(), content_type="application/json", HTTP_IDEMPOTENCY_KEY=key
    )
    assert first.status_code == again.status_code == 201
    assert first.json()["code"] == again.json()["code"]
    assert Application.objects.count() == 1


def test_any_string_serves_as_idempotency_key(client, personas):
    client.force_login(personas["chaoyang"])
    for _ in range(2):
        client.post(
            LIST, {"title": "草稿"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1"
        )
    assert Application.objects.count() == 1


def test_an_enterprise_drafts_edits_and_submits_through_the_api(client, personas):
    client.force_login(personas["chaoyang"])
    created = client.post(LIST, {"title": "草稿"}, content_type="application/json").json()
    app = Application.objects.get(code=created["code"])
    assert created["status"] == "draft"
    response = client.patch(detail(app), json_fields(), content_type="application/json")
    assert response.status_code == 200
    assert response.json()["parties"][0]["name"] == "Acme Audio LLC"
    response = client.post(detail(app, "submit"))
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "submitted"
    assert data["number"].startswith("京海援〔")
    assert data["urgency"]["level"] in {"urgent", "high", "normal"}


def test_submitting_an_incomplete_draft_answers_400_with_field_errors(client, personas):
    client.force_login(personas["chaoyang"])
    created = client.post(LIST, {"title": "草稿"}, content_type="application/json").json()
    response = client.post(f"{LIST}{created['code']}/submit/")
    assert response.status_code == 400
    assert "description" in response.json()


def test_a_past_deadline_is_refused_when_typed(client, personas):
    client.force_login(personas["chaoyang"])
    response = client.post(
        LIST, {"response_deadline": "2020-01-01"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "response_deadline" in response.json()


def test_only_enterprises_create_applications(client, personas):
    client.force_login(personas["staff"])
    response = client.post(LIST, {"title": "x"}, content_type="application/json")
    assert response.status_code == 403


def test_staff_accept_through_the_api(client, personas, submitted):
    client.force_login(personas["staff"])
    response = client.post(detail(submitted, "accept"), {}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["status"] == "accepted"
    assert response.json()["case_officer"] == str(personas["staff"])


def test_staff_name_another_case_officer_by_email(client, personas, submitted):
    client.force_login(personas["staff"])
    body = {"case_officer": personas["admin"].email}
    response = client.post(detail(submitted, "accept"), body, content_type="application/json")
    assert response.json()["case_officer"] == str(personas["admin"])


def test_the_applicant_cannot_accept_its_own_case(client, personas, submitted):
    client.force_login(personas["chaoyang"])
    response = client.post(detail(submitted, "accept"), {}, content_type="application/json")
    assert response.status_code == 403


def test_auditors_read_but_cannot_act(client, personas, submitted):
    client.force_login(personas["auditor"])
    assert client.get(detail(submitted)).status_code == 200
    response = client.post(detail(submitted, "decline"), {"reason": "x"})
    assert response.status_code == 403


def test_an_invalid_transition_answers_400(client, personas, accepted):
    client.force_login(personas["staff"])
    response = client.post(detail(accepted, "decline"), {"reason": "太晚了"})
    assert response.status_code == 400
    assert response.json()["detail"]


def test_staff_run_a_case_to_its_end(client, personas, accepted):
    client.force_login(personas["staff"])
    expert = {"expert": personas["expert"].email, "role": "lead"}
    assert client.post(detail(accepted, "assign_expert"), expert).json()["status"] == "in_guidance"
    body = {"outcome": "settled", "note": "和解"}
    assert client.post(detail(accepted, "conclude"), body).json()["outcome"] == "settled"
    assert client.post(detail(accepted, "close")).json()["status"] == "closed"
    assert client.post(detail(accepted, "reopen"), {"reason": "再起"}).json()["status"] == (
        "in_guidance"
    )


def test_staff_decline_and_request_information(client, personas):
    enterprise = personas["chaoyang"]
    first, second = build_application(actor=enterprise), build_application(actor=enterprise)
    client.force_login(personas["staff"])
    assert client.post(detail(first, "decline"), {"reason": "不属于"}).json()["status"] == (
        "declined"
    )
    response = client.post(detail(second, "request_info"), {"request": "请补充"})
    assert response.json()["status"] == "info_requested"
    client.force_login(enterprise)
    response = client.post(detail(second, "answer_info"), {"answer": "已补充"})
    assert response.json()["status"] == "submitted"


def test_the_enterprise_uploads_and_lists_files(client, personas, submitted):
    client.force_login(personas["chaoyang"])
    response = client.post(detail(submitted, "files"), {"file": pdf_upload(), "kind": "evidence"})
    assert response.status_code == 201
    assert len(response.json()["sha256"]) == 64
    listed = client.get(detail(submitted, "files")).json()
    assert [f["original_name"] for f in listed] == ["complaint.pdf"]


def test_a_disguised_file_answers_400(client, personas, submitted):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(personas["chaoyang"])
    fake = SimpleUploadedFile("evil.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(detail(submitted, "files"), {"file": fake, "kind": "evidence"})
    assert response.status_code == 400


def test_messages_go_both_ways(client, personas, submitted):
    client.force_login(personas["chaoyang"])
    response = client.post(detail(submitted, "messages"), {"body": "请尽快受理"})
    assert response.status_code == 201
    client.force_login(personas["staff"])
    client.post(detail(submitted, "messages"), {"body": "已收到"})
    bodies = [m["body"] for m in client.get(detail(submitted, "messages")).json()]
    assert bodies == ["请尽快受理", "已收到"]


def test_feedback_and_withdrawal_through_the_api(client, personas, accepted):
    client.force_login(personas["staff"])
    client.post(detail(accepted, "conclude"), {"outcome": "won"})
    client.force_login(personas["chaoyang"])
    response = client.post(detail(accepted, "feedback"), {"satisfaction": 5, "comment": "好"})
    assert response.json()["satisfaction"] == 5
    other = build_application(actor=personas["chaoyang"])
    assert client.post(detail(other, "withdraw"), {}).json()["status"] == "withdrawn"


def test_a_confidential_case_is_redacted_for_staff_who_may_not_read_it(client, personas):
    app = build_application(actor=personas["chaoyang"], confidential=True)
    client.force_login(personas["staff"])
    data = client.get(detail(app)).json()
    assert data == {
        "code": str(app.code),
        "number": app.number,
        "status": "submitted",
        "confidential": True,
    }
    listed = client.get(LIST).json()["results"]
    assert listed[0].keys() == data.keys()
    assert client.get(detail(app, "files")).status_code == 403
    assert client.get(detail(app, "messages")).status_code == 403


def test_the_applicant_reads_its_confidential_case_in_full(client, personas):
    app = build_application(actor=personas["chaoyang"], confidential=True)
    client.force_login(personas["chaoyang"])
    assert client.get(detail(app)).json()["description"] == app.description


def test_the_list_filters_by_status(client, personas, submitted):
    other = build_application(actor=personas["chaoyang"])
    client.force_login(personas["staff"])
    client.post(detail(other, "decline"), {"reason": "不属于"})
    rows = client.get(LIST, {"status": "declined"}).json()["results"]
    assert [row["code"] for row in rows] == [str(other.code)]


def test_a_malformed_code_is_not_found(client, personas):
    client.force_login(personas["chaoyang"])
    assert client.get(f"{LIST}not-a-uuid/").status_code == 404


def test_the_api_shares_the_workbench_filterset_when_there_is_one():
    filters = pytest.importorskip("oipa.assistance.filters")
    from oipa.assistance.api.views import application_filterset

    assert application_filterset() is filters.ApplicationFilter
