"""The case page: what each reader sees, escaping, confidentiality, constant query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from oipa.assistance import services
from oipa.assistance.builders import build_application, pdf_upload

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


def detail(application):
    return reverse("assistance:application_detail", args=[application.code])


def test_the_applicant_sees_its_case_with_what_is_expected(client, personas, submitted):
    client.force_login(personas["chaoyang"])
    response = client.get(detail(submitted))
    assert response.status_code == 200
    assert submitted.number in response.text
    assert response.context["is_applicant"]
    assert response.context["expected"].due is not None  # the acceptance clock's due date
    assert "Acme Audio LLC" in response.text
    assert response.context["withdraw_form"] is not None
    assert response.context["events"]


def test_a_draft_invites_the_applicant_to_continue_editing(client, personas):
    draft = build_application(actor=personas["chaoyang"], submit=False)
    client.force_login(personas["chaoyang"])
    response = client.get(detail(draft))
    assert reverse("assistance:application_edit", args=[draft.code]) in response.text


def test_another_enterprise_gets_404(client, personas, submitted):
    client.force_login(personas["haidian"])
    assert client.get(detail(submitted)).status_code == 404


def test_center_staff_see_the_case_and_the_staff_region(client, personas, submitted):
    client.force_login(personas["staff"])
    response = client.get(detail(submitted))
    assert response.status_code == 200
    assert response.context["can_act"]
    assert "answer_form" not in response.context


def test_an_auditor_reads_the_case_without_acting(client, personas, submitted):
    client.force_login(personas["auditor"])
    response = client.get(detail(submitted))
    assert response.status_code == 200
    assert not response.context["can_act"]
    assert "message_form" not in response.context


def test_html_in_the_applicants_text_is_escaped(client, personas):
    enterprise = personas["chaoyang"]
    application = build_application(actor=enterprise, title=SCRIPT, description=SCRIPT)
    services.post_message(actor=enterprise, application=application, body=SCRIPT)
    client.force_login(personas["staff"])
    response = client.get(detail(application))
    assert SCRIPT not in response.text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in response.text


def test_other_staff_see_only_that_a_confidential_case_exists(client, personas):
    enterprise = personas["chaoyang"]
    application = build_application(actor=enterprise, confidential=True, description="商业秘密细节")
    services.upload_attachment(
        actor=enterprise, application=application, upload=pdf_upload(), kind="evidence"
    )
    client.force_login(personas["staff"])
    response = client.get(detail(application))
    assert response.status_code == 200
    assert not response.context["can_read_content"]
    assert application.number in response.text
    assert enterprise.organization.name in response.text
    assert "商业秘密细节" not in response.text
    assert application.title not in response.text
    assert "complaint.pdf" not in response.text
    assert "events" not in response.context


def test_the_applicant_sees_who_opened_the_files_of_a_confidential_case(client, personas):
    enterprise, staff = personas["chaoyang"], personas["staff"]
    application = build_application(actor=enterprise)
    attachment = services.upload_attachment(
        actor=enterprise, application=application, upload=pdf_upload(), kind="evidence"
    )
    services.accept_application(actor=staff, application=application)
    application = services.set_confidentiality(
        actor=enterprise, application=application, confidential=True
    )
    attachment.application = application  # now confidential
    services.record_file_access(actor=staff, attachment=attachment)
    client.force_login(enterprise)
    response = client.get(detail(application))
    accesses = response.context["file_accesses"]
    assert [a.user for a in accesses] == [staff]
    assert str(staff) in response.text


def test_the_district_office_reads_its_enterprises_case_without_forms(client, personas, submitted):
    client.force_login(personas["district"])
    response = client.get(detail(submitted))
    assert response.status_code == 200
    assert "withdraw_form" not in response.context
    assert "upload_form" not in response.context


def _page_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _add_messages_and_files(enterprise, application, count):
    for n in range(count):
        services.post_message(actor=enterprise, application=application, body=f"消息 {n}")
        services.upload_attachment(
            actor=enterprise,
            application=application,
            upload=pdf_upload(f"evidence-{n}.pdf"),
            kind="evidence",
        )


@pytest.mark.parametrize("reader", ["chaoyang", "staff"])
def test_the_case_page_query_count_does_not_grow_with_messages_and_files(client, personas, reader):
    enterprise = personas["chaoyang"]
    application = build_application(actor=enterprise)
    _add_messages_and_files(enterprise, application, 2)
    client.force_login(personas[reader])
    url = detail(application)
    client.get(url)  # warm per-process caches (calendar years, labels)
    with_two = _page_queries(client, url)
    _add_messages_and_files(enterprise, application, 18)
    with_twenty = _page_queries(client, url)
    assert with_twenty == with_two
