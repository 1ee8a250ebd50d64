"""The public coverage page: sources, schedule, last success, lag and known gaps, without any
internal detail; staff get a link to the run history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from oipa.monitoring.coverage import lag_days, source_coverage
from oipa.monitoring.models import ImportRun, RunStatus, SourceKind
from tests.monitoring.dispute_builders import build_dispute

NOW = datetime(2026, 3, 31, 4, 0, tzinfo=UTC)


@pytest.fixture
def rss(make_source):
    source = make_source(
        SourceKind.PACER_RSS,
        "ilnd-rss",
        name="PACER RSS · N.D. Illinois",
        url="https://ecf.ilnd.uscourts.gov/cgi-bin/rss_outside.pl?token=SECRET",
        config={"court_id": "ilnd", "api_token": "SECRET"},
    )
    source.last_success_at = NOW - timedelta(hours=1)
    source.save()
    ImportRun.objects.create(
        source=source, status=RunStatus.FAILED, error="HTTP 503 from upstream proxy 10.1.2.3"
    )
    return source


def _seen(source, external_id, filed_on, seen):
    build_dispute(source, external_id, filed_on=filed_on, first_seen_at=seen)


def test_the_lag_is_the_median_over_the_last_30_days(rss):
    _seen(rss, "1", date(2026, 3, 28), NOW)  # 3 days
    _seen(rss, "2", date(2026, 3, 30), NOW)  # 1 day
    _seen(rss, "3", date(2026, 3, 31), NOW)  # same day
    _seen(rss, "4", date(2025, 12, 1), NOW - timedelta(days=45))  # too old to count
    _seen(rss, "5", None, NOW)  # no filing date
    assert lag_days(rss, NOW) == (1.0, 3)


def test_a_source_without_disputes_has_no_lag(rss):
    assert lag_days(rss, NOW) == (None, 0)


def test_disabled_sources_are_not_listed(rss, make_source):
    make_source(SourceKind.ITC337, "itc-337", name="US ITC", enabled=False)
    assert [c.slug for c in source_coverage(NOW)] == ["ilnd-rss"]


def test_anyone_sees_the_page_without_logging_in(client, rss):
    page = client.get(reverse("monitoring:coverage"), HTTP_ACCEPT_LANGUAGE="en")
    body = page.content.decode()
    assert page.status_code == 200
    assert "PACER RSS · N.D. Illinois" in body
    assert "every 60 minutes" in body
    assert "only recent docket entries" in body


def test_the_page_shows_no_internal_details(client, rss):
    body = client.get(reverse("monitoring:coverage")).content.decode()
    for secret in ("SECRET", "rss_outside", "10.1.2.3", "503", "api_token", "ilnd-rss"):
        assert secret not in body
    assert reverse("monitoring:source_list") not in body


def test_known_gaps_say_what_each_source_cannot_see(client, make_source):
    make_source(SourceKind.ITC337, "itc-337", name="US ITC · Section 337")
    body = client.get(reverse("monitoring:coverage"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "a complaint is seen only once the investigation is instituted" in body
    assert "entered by Center staff" in body
    assert "when Center staff load a file" in body


def test_staff_get_links_to_the_run_history(client, personas, rss):
    client.force_login(personas["staff"])
    body = client.get(reverse("monitoring:coverage")).content.decode()
    assert reverse("monitoring:source_list") in body
    assert reverse("monitoring:source_detail", args=[rss.slug]) in body


def test_enterprises_see_the_public_page_only(client, personas, rss):
    client.force_login(personas["chaoyang"])
    body = client.get(reverse("monitoring:coverage")).content.decode()
    assert reverse("monitoring:source_list") not in body
    assert client.get(reverse("monitoring:source_list")).status_code == 404


def test_the_lag_is_shown_in_days(client, rss):
    with time_machine.travel(NOW, tick=False):
        _seen(rss, "1", date(2026, 3, 29), NOW)
        body = client.get(reverse("monitoring:coverage"), HTTP_ACCEPT_LANGUAGE="en").content
    assert b"2 days (over 1 disputes)" in body
