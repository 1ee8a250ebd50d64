"""The enterprise's actions on the case page: withdraw, answer, feedback, message, upload."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from oipa.assistance import services
from oipa.assistance.builders import MINIMAL_PDF, build_application, pdf_upload
from oipa.assistance.models import Attachment, Message
from oipa.assistance.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


def url(name, application):
    return reverse(f"assistance:{name}", args=[application.code])


@pytest.fixture
def info_requested(personas, submitted):
    return services.request_more_information(
        actor=personas["staff"], application=submitted, request="请补充起诉状全文"
    )


@pytest.fixture
def concluded(personas, accepted):
    return services.conclude_application(
        actor=personas["staff"], application=accepted, outcome="settled"
    )


class TestWithdraw:
    def test_it_withdraws_with_a_reason(self, client, personas, submitted):
        client.force_login(personas["chaoyang"])
        data = {"reason": "已与对方和解", "confirm": "on"}
        response = client.post(url("application_withdraw", submitted), data)
        assert response.status_code == 302
        submitted.refresh_from_db()
        assert submitted.status == Status.WITHDRAWN
        assert submitted.decision_note == "已与对方和解"

    def test_it_asks_for_confirmation_and_keeps_the_reason(self, client, personas, submitted):
        client.force_login(personas["chaoyang"])
        response = client.post(url("application_withdraw", submitted), {"reason": "和解"})
        assert response.status_code == 400
        assert "confirm" in response.context["withdraw_form"].errors
        assert "和解" in response.text
        submitted.refresh_from_db()
        assert submitted.status == Status.SUBMITTED

    def test_it_answers_404_to_another_enterprise(self, client, personas, submitted):
        client.force_login(personas["haidian"])
        data = {"reason": "x", "confirm": "on"}
        assert client.post(url("application_withdraw", submitted), data).status_code == 404


class TestAnswer:
    def test_the_answer_goes_back_to_the_center(self, client, personas, info_requested):
        client.force_login(personas["chaoyang"])
        page = client.get(url("application_detail", info_requested))
        assert "请补充起诉状全文" in page.text
        assert page.context["answer_form"] is not None
        response = client.post(url("application_answer", info_requested), {"answer": "已上传"})
        assert response.status_code == 302
        info_requested.refresh_from_db()
        assert info_requested.status == Status.SUBMITTED

    def test_an_empty_answer_is_refused(self, client, personas, info_requested):
        client.force_login(personas["chaoyang"])
        response = client.post(url("application_answer", info_requested), {"answer": ""})
        assert response.status_code == 400
        assert "answer" in response.context["answer_form"].errors

    def test_an_answer_to_a_case_not_waiting_for_one_is_refused(self, client, personas, submitted):
        client.force_login(personas["chaoyang"])
        response = client.post(url("application_answer", submitted), {"answer": "多余"})
        assert response.status_code == 400
        assert response.context["action_errors"]
        assert response.context["action_errors"][0] in response.text

    def test_it_answers_404_to_another_enterprise(self, client, personas, info_requested):
        client.force_login(personas["haidian"])
        response = client.post(url("application_answer", info_requested), {"answer": "x"})
        assert response.status_code == 404


class TestFeedback:
    def test_the_applicant_rates_a_concluded_case(self, client, personas, concluded):
        client.force_login(personas["chaoyang"])
        assert client.get(url("application_detail", concluded)).context["feedback_form"]
        data = {"satisfaction": "4", "comment": "很有帮助"}
        response = client.post(url("application_feedback", concluded), data)
        assert response.status_code == 302
        concluded.refresh_from_db()
        assert (concluded.satisfaction, concluded.feedback) == (4, "很有帮助")

    def test_a_rating_outside_one_to_five_is_refused(self, client, personas, concluded):
        client.force_login(personas["chaoyang"])
        data = {"satisfaction": "9", "comment": "保留这段评论"}
        response = client.post(url("application_feedback", concluded), data)
        assert response.status_code == 400
        assert "satisfaction" in response.context["feedback_form"].errors
        assert "保留这段评论" in response.text

    def test_it_answers_404_to_another_enterprise(self, client, personas, concluded):
        client.force_login(personas["haidian"])
        data = {"satisfaction": "5"}
        assert client.post(url("application_feedback", concluded), data).status_code == 404


class TestMessages:
    def test_the_applicant_writes_to_the_center(self, client, personas, submitted):
        client.force_login(personas["chaoyang"])
        response = client.post(url("message_post", submitted), {"body": "请问何时受理？"})
        assert response.status_code == 302
        assert Message.objects.get(application=submitted).body == "请问何时受理？"

    def test_center_staff_answer_on_the_same_page(self, client, personas, submitted):
        client.force_login(personas["staff"])
        response = client.post(url("message_post", submitted), {"body": "两个工作日内"})
        assert response.status_code == 302

    def test_an_empty_message_is_refused(self, client, personas, submitted):
        client.force_login(personas["chaoyang"])
        response = client.post(url("message_post", submitted), {"body": "  "})
        assert response.status_code == 400
        assert "body" in response.context["message_form"].errors

    def test_it_answers_404_to_another_enterprise(self, client, personas, submitted):
        client.force_login(personas["haidian"])
        assert client.post(url("message_post", submitted), {"body": "x"}).status_code == 404
        assert not Message.objects.exists()


class TestUpload:
    def test_the_applicant_adds_a_file_on_the_case_page(self, client, personas, submitted):
        client.force_login(personas["chaoyang"])
        data = {"kind": "evidence", "upload": pdf_upload("证据.pdf")}
        response = client.post(url("attachment_upload", submitted), data)
        assert response.status_code == 302
        assert Attachment.objects.get().original_name == "证据.pdf"

    def test_a_disguised_file_is_refused_with_a_clear_error(self, client, personas, submitted):
        client.force_login(personas["chaoyang"])
        fake = SimpleUploadedFile("letter.pdf", b"MZ\x90\x00\x03\x00\x00\x00", "application/pdf")
        response = client.post(
            url("attachment_upload", submitted), {"kind": "letter", "upload": fake}
        )
        assert response.status_code == 400
        assert response.context["upload_form"].errors
        assert not Attachment.objects.exists()

    def test_an_oversized_file_is_refused(self, client, personas, submitted, settings):
        settings.ATTACHMENT_MAX_BYTES = len(MINIMAL_PDF) - 1
        client.force_login(personas["chaoyang"])
        data = {"kind": "evidence", "upload": pdf_upload()}
        response = client.post(url("attachment_upload", submitted), data)
        assert response.status_code == 400
        assert response.context["upload_form"].errors

    def test_an_upload_from_the_draft_form_returns_to_it(self, client, personas):
        draft = build_application(actor=personas["chaoyang"], submit=False)
        client.force_login(personas["chaoyang"])
        data = {"kind": "complaint", "upload": pdf_upload(), "from": "edit"}
        response = client.post(url("attachment_upload", draft), data)
        assert response["Location"] == url("application_edit", draft)
        page = client.get(url("application_edit", draft))
        assert "complaint.pdf" in page.text
        assert 'form="attachment-upload"' in page.text

    def test_a_refused_upload_on_the_draft_form_shows_the_form_again(self, client, personas):
        draft = build_application(actor=personas["chaoyang"], submit=False)
        client.force_login(personas["chaoyang"])
        fake = SimpleUploadedFile("evil.png", b"%PDF-1.4 not a png", "image/png")
        data = {"kind": "evidence", "upload": fake, "from": "edit"}
        response = client.post(url("attachment_upload", draft), data)
        assert response.status_code == 400
        assert response.templates[0].name == "assistance/application_form.html"
        assert response.context["upload_form"].errors

    def test_it_answers_404_to_another_enterprise(self, client, personas, submitted):
        client.force_login(personas["haidian"])
        data = {"kind": "evidence", "upload": pdf_upload()}
        assert client.post(url("attachment_upload", submitted), data).status_code == 404
        assert not Attachment.objects.exists()


def test_actions_refuse_get_requests(client, personas, submitted):
    client.force_login(personas["chaoyang"])
    assert client.get(url("application_withdraw", submitted)).status_code == 405


def test_build_application_is_used_for_a_second_enterprise_too(personas):
    assert (
        build_application(actor=personas["haidian"]).applicant == personas["haidian"].organization
    )
