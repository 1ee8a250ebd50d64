"""Case files are downloads served through a checked view; guessed codes answer 404."""

import uuid
from urllib.parse import quote

import pytest
from django.urls import reverse

from oipa.assistance import services
from oipa.assistance.builders import MINIMAL_PDF, build_application, pdf_upload
from oipa.assistance.models import FileAccess

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


def download(attachment):
    return reverse("assistance:attachment_download", args=[attachment.code])


@pytest.fixture
def attachment(personas, submitted):
    return services.upload_attachment(
        actor=personas["chaoyang"],
        application=submitted,
        upload=pdf_upload("起诉状 complaint.pdf"),
        kind="complaint",
    )


def test_the_applicant_downloads_its_file_as_an_attachment(client, personas, attachment):
    client.force_login(personas["chaoyang"])
    response = client.get(download(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=utf-8''{quote('起诉状 complaint.pdf')}" in disposition


def test_center_staff_download_it_too(client, personas, attachment):
    client.force_login(personas["staff"])
    assert client.get(download(attachment)).status_code == 200


def test_another_enterprise_gets_404_for_the_file(client, personas, attachment):
    client.force_login(personas["haidian"])
    assert client.get(download(attachment)).status_code == 404


def test_a_guessed_code_answers_404(client, personas, attachment):
    client.force_login(personas["chaoyang"])
    guessed = reverse("assistance:attachment_download", args=[uuid.uuid4()])
    assert client.get(guessed).status_code == 404


def test_anonymous_visitors_are_sent_to_login(client, attachment):
    assert client.get(download(attachment)).status_code == 302


def test_other_staff_cannot_download_a_confidential_cases_file(client, personas):
    enterprise = personas["chaoyang"]
    application = build_application(actor=enterprise, confidential=True)
    confidential_file = services.upload_attachment(
        actor=enterprise, application=application, upload=pdf_upload(), kind="evidence"
    )
    client.force_login(personas["staff"])
    assert client.get(download(confidential_file)).status_code == 404
    assert not FileAccess.objects.exists()


def test_every_download_of_a_confidential_file_is_logged(client, personas):
    enterprise = personas["chaoyang"]
    application = build_application(actor=enterprise, confidential=True)
    confidential_file = services.upload_attachment(
        actor=enterprise, application=application, upload=pdf_upload(), kind="evidence"
    )
    client.force_login(enterprise)
    client.get(download(confidential_file))
    client.get(download(confidential_file))
    assert FileAccess.objects.filter(attachment=confidential_file, user=enterprise).count() == 2


def test_a_guidance_opinion_is_linked_from_the_case_page(client, personas, accepted):
    staff, enterprise = personas["staff"], personas["chaoyang"]
    services.assign_expert(
        actor=staff, application=accepted, expert=personas["expert"], role="lead"
    )
    record = services.upload_guidance_opinion(
        actor=personas["expert"],
        application=accepted,
        upload=pdf_upload("意见书.pdf"),
        summary="积极应诉",
    )
    client.force_login(enterprise)
    page = client.get(reverse("assistance:application_detail", args=[accepted.code]))
    assert download(record.attachment) in page.text
    assert str(personas["expert"]) in page.text
    assert client.get(download(record.attachment)).status_code == 200
