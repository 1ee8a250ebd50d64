"""Downloading documents and the dossier: who may, and what they get."""

import io
import zipfile

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from oipa.assistance import services
from oipa.assistance.builders import build_application, pdf_upload
from oipa.assistance.models import FileAccess

pytestmark = pytest.mark.django_db


def doc_url(app, kind):
    return reverse("assistance:document", args=[app.code, kind])


def dossier_url(app):
    return reverse("assistance:dossier", args=[app.code])


@pytest.fixture
def confidential(personas):
    """A confidential case supervised and accepted by `staff` (so `admin` may not read it)."""
    enterprise, staff = personas["chaoyang"], personas["staff"]
    app = build_application(actor=enterprise, confidential=True)
    services.set_confidentiality(
        actor=enterprise, application=app, confidential=True, supervisors=[staff]
    )
    services.upload_attachment(actor=enterprise, application=app, upload=pdf_upload(), kind="other")
    return services.accept_application(actor=staff, application=app)


def test_the_enterprise_downloads_its_acceptance_notice(client, personas, accepted):
    client.force_login(personas["chaoyang"])
    response = client.get(doc_url(accepted, "acceptance"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_it_rejects_outsider(client, personas, accepted):
    client.force_login(personas["haidian"])
    assert client.get(doc_url(accepted, "acceptance")).status_code == 404
    assert client.get(dossier_url(accepted)).status_code == 404


def test_it_sends_anonymous_visitors_to_log_in(client, accepted):
    assert client.get(doc_url(accepted, "acceptance")).status_code == 302


@pytest.mark.parametrize("kind", ["non_acceptance", "termination", "nonsense"])
def test_documents_the_case_never_issued_answer_404(client, personas, accepted, kind):
    client.force_login(personas["chaoyang"])
    assert client.get(doc_url(accepted, kind)).status_code == 404


def test_the_enterprise_cannot_have_the_dossier(client, personas, accepted):
    client.force_login(personas["chaoyang"])
    assert client.get(doc_url(accepted, "dossier")).status_code == 404
    assert client.get(dossier_url(accepted)).status_code == 404


def test_an_expert_not_on_the_case_cannot_see_its_documents(client, personas, accepted):
    client.force_login(personas["expert"])
    assert client.get(doc_url(accepted, "application_form")).status_code == 404


@pytest.mark.parametrize("persona", ["staff", "admin", "auditor"])
def test_the_center_downloads_the_dossier_zip(client, personas, accepted, persona):
    client.force_login(personas[persona])
    response = client.get(dossier_url(accepted))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "dossier.pdf" in archive.namelist()


def test_staff_who_may_not_read_a_confidential_case_get_nothing(client, personas, confidential):
    client.force_login(personas["admin"])
    assert client.get(doc_url(confidential, "acceptance")).status_code == 404
    assert client.get(dossier_url(confidential)).status_code == 404


def test_the_dossier_of_a_confidential_case_logs_access_to_its_files(
    client, personas, confidential
):
    client.force_login(personas["staff"])
    response = client.get(dossier_url(confidential))
    assert response.status_code == 200
    b"".join(response.streaming_content)
    accesses = FileAccess.objects.filter(attachment__application=confidential)
    assert [a.user for a in accesses] == [personas["staff"]]


def test_the_applicant_of_a_confidential_case_gets_its_documents(client, personas, confidential):
    client.force_login(personas["chaoyang"])
    assert client.get(doc_url(confidential, "acceptance")).status_code == 200


def render_partial(application, user):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "assistance/partials/documents.html", {"application": application, "request": request}
    )


def test_the_partial_lists_what_the_viewer_may_download(personas, accepted):
    html = render_partial(accepted, personas["chaoyang"])
    assert doc_url(accepted, "acceptance") in html
    assert doc_url(accepted, "application_form") in html
    assert dossier_url(accepted) not in html
    assert dossier_url(accepted) in render_partial(accepted, personas["staff"])


def test_the_partial_says_so_when_nothing_was_issued(personas):
    draft = build_application(actor=personas["chaoyang"], submit=False)
    html = render_partial(draft, personas["chaoyang"])
    assert "<a " not in html
