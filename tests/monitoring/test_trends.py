"""The trends of disputes against JJJ enterprises: numbers on built data, the page with and
without ECharts, and the Excel export."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from oipa.assistance.builders import build_application
from oipa.core.taxonomy.models import Industry
from oipa.monitoring.models import MatchStatus, SourceKind
from oipa.monitoring.trends import compute_trends
from tests.monitoring.dispute_builders import build_dispute, orgs


@pytest.fixture
def built(make_source, personas):
    """Four disputes against JJJ enterprises in Jan-Mar 2026 and two that do not count."""
    source = make_source(SourceKind.PACER_RSS, "ilnd-rss")
    chaoyang, tianjin = orgs(personas, "chaoyang", "tianjin")
    build_dispute(source, "1", defendants=[chaoyang], filed_on=date(2026, 1, 5), nature_code="840")
    build_dispute(source, "2", defendants=[chaoyang], filed_on=date(2026, 1, 20), nature_code="830")
    build_dispute(
        source, "3", defendants=[tianjin, chaoyang], filed_on=date(2026, 3, 1), nature_code="820"
    )
    build_dispute(
        source,
        "4",
        defendants=[tianjin],
        filed_on=date(2026, 3, 9),
        nature_code="",
        jurisdiction="DE",
    )
    build_dispute(source, "5", defendants=[tianjin], status=MatchStatus.REVIEW)
    build_dispute(source, "6", defendants=[])
    return source


def _table(trends, name):
    return {row.label: row.count for row in trends.tables[name]}


def test_it_counts_each_dispute_once_per_month_with_empty_months(built):
    trends = compute_trends()
    assert trends.total == 4
    assert _table(trends, "month") == {"2026-01": 2, "2026-02": 0, "2026-03": 2}


def test_it_counts_by_jurisdiction_ip_type_and_nature_of_suit(built):
    trends = compute_trends()
    assert _table(trends, "jurisdiction") == {"United States": 3, "Germany": 1}
    assert _table(trends, "ip_type") == {"Trademark": 1, "Patent": 1, "Copyright": 1, "Unknown": 1}
    natures = _table(trends, "nature")
    assert natures["840 Trademark"] == 1 and natures["Unknown"] == 1


def test_industry_comes_from_the_enterprises_applications_else_unknown(built, personas):
    industry = Industry.objects.get(code="C")
    build_application(actor=personas["chaoyang"], submit=False, industry=industry)
    industries = _table(compute_trends(), "industry")
    # Dispute 3 names Tianjin (no application) too, but has a known industry through Chaoyang.
    assert industries == {industry.title: 3, "Unknown": 1}


def test_the_date_range_filters_disputes(built):
    trends = compute_trends(date(2026, 1, 10), date(2026, 3, 1))
    assert trends.total == 2
    assert _table(trends, "month") == {"2026-01": 1, "2026-02": 0, "2026-03": 1}


def test_the_page_shows_tables_and_filters(client, personas, built):
    client.force_login(personas["staff"])
    page = client.get(reverse("monitoring:trends"), {"start": "2026-03-01"})
    body = page.content.decode()
    assert page.status_code == 200
    assert "2026-03" in body and "2026-01" not in body
    assert 'id="trend-data"' in body


def test_charts_load_only_when_echarts_is_installed(client, personas, built, monkeypatch):
    from oipa.monitoring import views_insights

    client.force_login(personas["staff"])
    monkeypatch.setattr(views_insights.finders, "find", lambda path: None)
    assert b"echarts.min.js" not in client.get(reverse("monitoring:trends")).content
    monkeypatch.setattr(views_insights.finders, "find", lambda path: "/somewhere/" + path)
    body = client.get(reverse("monitoring:trends")).content.decode()
    assert "vendor/echarts/echarts.min.js" in body and "monitoring/trends.js" in body


def test_the_excel_export_is_readable_and_matches_the_page(client, personas, built):
    client.force_login(personas["auditor"])
    url = reverse("monitoring:trends_export")
    response = client.get(url, {"end": "2026-01-31"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book["Summary"]["B1"].value == 2
    months = [tuple(row) for row in book["Month"].iter_rows(values_only=True)]
    assert months == [("Month", "Disputes"), ("2026-01", 2)]
    assert set(book.sheetnames) >= {"Jurisdiction", "IP type", "Nature of suit", "Industry"}


def test_everyone_outside_the_center_gets_404(client, personas, built):
    for persona in ("chaoyang", "partner", "association", "district"):
        client.force_login(personas[persona])
        assert client.get(reverse("monitoring:trends")).status_code == 404
        assert client.get(reverse("monitoring:trends_export")).status_code == 404
