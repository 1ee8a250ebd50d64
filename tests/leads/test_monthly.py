"""The monthly per-district table and its Excel export."""

from datetime import datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from oipa.leads import services
from oipa.leads.builders import build_lead
from oipa.leads.models import Lead
from oipa.leads.statistics import monthly_rows

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def march(personas, haidian_officer):
    """Chaoyang: 3 leads in March 2026, contacted after 1 and 3 days, one converted; Haidian:
    one lead never contacted; plus one Chaoyang lead in April."""
    staff = personas["staff"]
    start = datetime(2026, 3, 2, 9, 0, tzinfo=BEIJING)
    with time_machine.travel(start, tick=False):
        a = build_lead(actor=personas["district"], enterprise_name="甲")
        b = build_lead(actor=personas["district"], enterprise_name="乙")
        build_lead(actor=personas["district"], enterprise_name="丙")
        build_lead(actor=haidian_officer, enterprise_name="丁")
    with time_machine.travel(start + timedelta(days=1), tick=False):
        services.convert_lead(actor=staff, lead=a, conversion="funding")
    with time_machine.travel(start + timedelta(days=3), tick=False):
        services.record_first_contact(actor=staff, lead=b)
    with time_machine.travel(datetime(2026, 4, 1, 0, 30, tzinfo=BEIJING), tick=False):
        build_lead(actor=personas["district"], enterprise_name="戊")


def test_each_district_gets_its_counts_and_median_days(personas, march):
    rows = monthly_rows(Lead.objects.all(), datetime(2026, 3, 1).date())

    by_office = {row.office: row for row in rows}
    chaoyang = by_office["北京市朝阳区知识产权局"]
    haidian = by_office["北京市海淀区知识产权局"]
    assert (chaoyang.leads, chaoyang.converted, chaoyang.median_days) == (3, 1, 2.0)
    assert (haidian.leads, haidian.converted, haidian.median_days) == (1, 0, None)


def test_a_lead_reported_just_after_midnight_beijing_time_counts_in_its_local_month(march):
    april = monthly_rows(Lead.objects.all(), datetime(2026, 4, 1).date())
    assert [(row.leads, row.office) for row in april] == [(1, "北京市朝阳区知识产权局")]


def test_a_district_sees_only_its_own_row(client, personas, march):
    client.force_login(personas["district"])

    body = client.get(reverse("leads:monthly"), {"month": "2026-03"}).content.decode()

    assert "北京市朝阳区知识产权局" in body and "北京市海淀区知识产权局" not in body


def test_the_excel_export_has_the_same_rows(client, personas, march):
    client.force_login(personas["staff"])

    response = client.get(
        reverse("leads:monthly_export"), {"month": "2026-03"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "District",
        "District office",
        "Leads",
        "Converted",
        "Median days to first contact",
    )
    assert rows[1][1:] == ("北京市朝阳区知识产权局", 3, 1, 2)
    assert len(rows) == 3


def test_a_malformed_month_falls_back_to_the_current_month(client, personas, march):
    client.force_login(personas["staff"])
    response = client.get(reverse("leads:monthly"), {"month": "March"})
    assert response.status_code == 200
