"""A whole guidance case in the browser: the enterprise applies with an attachment, the Center
accepts it, uploads a written opinion and concludes; the enterprise reads it and gives feedback."""

from datetime import timedelta

import pytest
from django.utils import timezone

from oipa.accounts.builders import build_personas
from oipa.assistance.builders import MINIMAL_PDF
from oipa.assistance.models import Application
from oipa.core.taxonomy.loader import sync_reference_data
from tests.e2e.conftest import E2E_PASSWORD, E2E_TOTP_SECRET, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people():
    sync_reference_data()  # transactional tests start from empty tables
    return build_personas(
        domain="journey.oipa.cn", password=E2E_PASSWORD, totp_secret=E2E_TOTP_SECRET
    )


def staff_act(page, action, fill=None):
    form = page.locator(f"form[action$='/act/{action}/']")
    page.locator("details.staff-action", has=form).locator("summary").click()
    for selector, value in (fill or {}).items():
        field = form.locator(selector)
        if isinstance(value, tuple):
            field.set_input_files(
                files=[{"name": value[0], "mimeType": "application/pdf", "buffer": value[1]}]
            )
        elif selector.startswith("select"):
            field.select_option(value)
        else:
            field.fill(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    page.locator(".message-success").first.wait_for()


def test_a_case_runs_from_application_to_feedback(browser, live_server, people, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    enterprise = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(enterprise, people["chaoyang"].email)
    enterprise.goto("/applications/new/")
    enterprise.locator("#id_title").fill("美国专利诉讼应诉")
    enterprise.locator("#id_dispute_type").select_option("litigation")
    enterprise.locator("input[name=ip_types][value=patent]").check()
    enterprise.locator("#id_our_role").select_option("defendant")
    enterprise.locator("#id_jurisdictions").select_option("US")
    enterprise.locator("#id_forum").fill("US – N.D. Illinois")
    deadline = timezone.localdate() + timedelta(days=20)
    enterprise.locator("#id_response_deadline").fill(deadline.isoformat())
    enterprise.locator("#id_description").fill("原告指控我司产品侵犯其美国专利。<script>x</script>")
    enterprise.locator("#id_help_wanted").fill("应诉策略")
    enterprise.locator("input[name='parties-0-name']").fill("Acme Audio LLC")
    enterprise.locator("#id_consent_data_use").check()
    with enterprise.expect_navigation():
        enterprise.get_by_role("button", name="保存草稿").click()

    upload = enterprise.locator("#attachment-upload")
    enterprise.locator("input[type=file][form=attachment-upload]").set_input_files(
        files=[{"name": "complaint.pdf", "mimeType": "application/pdf", "buffer": MINIMAL_PDF}]
    )
    with enterprise.expect_navigation():
        enterprise.locator("button[form=attachment-upload]").click()
    assert upload.count() == 1
    with enterprise.expect_navigation():
        enterprise.get_by_role("button", name="提交至中心").click()
    application = Application.objects.get(applicant=people["chaoyang"].organization)
    assert application.status == "submitted"
    assert application.attachments.count() == 1
    assert "&lt;script&gt;" in enterprise.content()

    staff = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(staff, people["staff"].email, totp=True)
    case_url = f"/applications/{application.code}/"
    staff.goto(case_url)
    staff_act(staff, "accept")
    staff_act(
        staff,
        "opinion",
        {"input[type=file]": ("opinion.pdf", MINIMAL_PDF), "textarea": "建议积极应诉并寻求和解。"},
    )
    staff_act(staff, "conclude", {"select[name=outcome]": "settled"})
    application.refresh_from_db()
    assert application.status == "concluded"
    assert application.attachments.filter(kind="opinion").count() == 1

    enterprise.goto(case_url)
    assert "建议积极应诉并寻求和解。" in enterprise.content()
    enterprise.locator("input[name=satisfaction][value='5']").check()
    with enterprise.expect_navigation():
        enterprise.get_by_role("button", name="提交评价").click()
    application.refresh_from_db()
    assert application.satisfaction == 5
