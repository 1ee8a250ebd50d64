"""The Excel export of the filtered workbench queue."""

from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from oipa.assistance import services
from oipa.assistance.builders import build_application

pytestmark = pytest.mark.django_db
URL = reverse("assistance:workbench_export")


def download(client, user, params=None):
    client.force_login(user)
    response = client.get(URL, params or {})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment;")
    sheet = load_workbook(BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_it_exports_one_row_per_application_under_localized_headers(client, personas, accepted):
    client.cookies.load({"django_language": "en"})
    with translation.override("en"):
        rows = download(client, personas["staff"])
    header, row = rows
    assert header[:3] == ["Case number", "Applicant", "USCC"]
    assert len(header) == 16
    record = dict(zip(header, row, strict=True))
    assert record["Case number"] == accepted.number
    assert record["Applicant"] == accepted.applicant.name
    assert record["USCC"] == accepted.applicant.uscc
    assert record["District"] == "朝阳区"
    assert record["IP types"] == "Patent"
    assert record["Countries"] == "United States"
    assert record["Our role"] == "Defendant"
    assert record["Response deadline"].date() == accepted.response_deadline
    assert record["Status"] == "Accepted"
    assert record["Accepted"].date() == timezone.localdate()
    assert record["Case officer"] == personas["staff"].full_name


def test_the_headers_follow_the_chinese_interface(client, personas, submitted):
    client.cookies.load({"django_language": "zh-hans"})
    header = download(client, personas["staff"])[0]
    assert header[11] == "状态"  # "Status", already in the catalogue


def test_it_exports_only_the_filtered_tab(client, personas, accepted):
    other = build_application(actor=personas["haidian"], title="海淀案件")
    rows = download(client, personas["staff"], {"status": "submitted"})
    assert [row[0] for row in rows[1:]] == [other.number]


def test_user_text_is_never_a_formula(client, personas):
    build_application(actor=personas["chaoyang"], title='=HYPERLINK("http://evil","x")')
    rows = download(client, personas["staff"])
    assert rows[1][4] == '=HYPERLINK("http://evil","x")'
    client.force_login(personas["staff"])
    workbook = load_workbook(BytesIO(client.get(URL).content))
    assert workbook.active.cell(row=2, column=5).data_type == "s"


def test_a_confidential_case_exports_only_what_other_staff_may_see(client, personas, accepted):
    services.set_confidentiality(actor=personas["staff"], application=accepted, confidential=True)
    services.assign_case_officer(
        actor=personas["staff"], application=accepted, officer=personas["admin"]
    )
    row = download(client, personas["staff"])[1]
    assert row[0] == accepted.number
    assert accepted.title not in row
    assert accepted.applicant.name not in row
    row = download(client, personas["admin"])[1]
    assert accepted.title in row


@pytest.mark.parametrize("persona", ["auditor", "admin"])
def test_center_readers_may_export(client, personas, submitted, persona):
    assert len(download(client, personas[persona])) == 2


@pytest.mark.parametrize("persona", ["chaoyang", "expert", "partner", "district"])
def test_other_roles_get_404(client, personas, submitted, persona):
    client.force_login(personas[persona])
    assert client.get(URL).status_code == 404


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
