"""The Center's monitoring pages: who sees them, run history, review decisions, uploads."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oipa.monitoring import matching_service, services
from oipa.monitoring.models import MatchDecision, MatchStatus, PartyMatch, SourceKind
from oipa.monitoring.names import org_key

UPLOAD = (
    b"reference,title,defendants,filed_on\n"
    b"amz-1,Amazon complaint,Yanzhao Electric Co,2026-03-02\n"
    b"amz-2,Bad row,Someone,March 2nd\n"
)


@pytest.fixture
def source(make_source):
    return make_source(SourceKind.SPREADSHEET, "staff-upload", name="Staff uploads")


@pytest.fixture
def run(source):
    return services.import_source(source=source, file=UPLOAD)


@pytest.fixture
def match(run, personas, fake_engine):
    key = org_key(personas["hebei"].organization.pk)
    engine = fake_engine({"Yanzhao Electric Co": [(key, 85.0)]})
    matching_service.match_run(run, engine=engine, threshold=92)
    return PartyMatch.objects.get()


def _pages(run, match):
    dispute = match.party.dispute
    return [
        reverse("monitoring:dispute_list"),
        reverse("monitoring:dispute_detail", args=[dispute.code]),
        reverse("monitoring:source_list"),
        reverse("monitoring:source_detail", args=[run.source.slug]),
        reverse("monitoring:run_detail", args=[run.code]),
        reverse("monitoring:review_queue"),
        reverse("monitoring:template_help"),
        reverse("monitoring:template_download", args=["xlsx"]),
    ]


def test_center_staff_and_auditors_see_every_page(client, personas, run, match):
    for persona in ("staff", "admin", "auditor"):
        client.force_login(personas[persona])
        for url in _pages(run, match):
            assert client.get(url).status_code == 200, (persona, url)


def test_everyone_else_gets_404(client, personas, run, match):
    for persona in ("hebei", "chaoyang", "partner", "district", "expert"):
        client.force_login(personas[persona])
        for url in _pages(run, match):
            assert client.get(url).status_code == 404, (persona, url)
        decide = reverse("monitoring:match_decide", args=[match.code, "confirm"])
        assert client.post(decide).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, run, match):
    for url in _pages(run, match):
        assert client.get(url).status_code == 302


def test_the_run_page_shows_counts_and_the_failed_row_with_its_reason(client, personas, run):
    client.force_login(personas["staff"])
    page = client.get(reverse("monitoring:run_detail", args=[run.code]), HTTP_ACCEPT_LANGUAGE="en")
    body = page.content.decode()
    assert "row 3" in body
    assert "filed_on" in body
    history = client.get(reverse("monitoring:source_detail", args=["staff-upload"])).content
    assert str(run.code).encode() in history


def test_staff_confirm_from_the_queue_and_the_decision_is_remembered(client, personas, match):
    client.force_login(personas["staff"])
    queue = client.get(reverse("monitoring:review_queue")).content.decode()
    assert "Yanzhao Electric Co" in queue
    url = reverse("monitoring:match_decide", args=[match.code, "confirm"])
    response = client.post(url, {"next": reverse("monitoring:review_queue")})
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.CONFIRMED
    assert MatchDecision.objects.filter(verdict="confirm").exists()
    assert (
        "Yanzhao Electric Co" not in client.get(reverse("monitoring:review_queue")).content.decode()
    )


def test_auditors_read_but_cannot_decide(client, personas, match):
    client.force_login(personas["auditor"])
    url = reverse("monitoring:match_decide", args=[match.code, "reject"])
    assert client.post(url).status_code == 404
    match.refresh_from_db()
    assert match.status == MatchStatus.REVIEW


def test_an_unknown_verdict_is_404(client, personas, match):
    client.force_login(personas["staff"])
    assert (
        client.post(reverse("monitoring:match_decide", args=[match.code, "maybe"])).status_code
        == 404
    )


def test_staff_upload_a_file_and_land_on_its_run(client, personas, source):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(personas["staff"])
    upload = SimpleUploadedFile("disputes.csv", UPLOAD, content_type="text/csv")
    response = client.post(
        reverse("monitoring:source_import", args=[source.slug]), {"file": upload}
    )
    run = source.runs.get()
    assert response.url == reverse("monitoring:run_detail", args=[run.code])
    assert (run.file_name, run.new, run.failed, run.triggered_by) == (
        "disputes.csv",
        1,
        1,
        personas["staff"],
    )


def test_the_templates_download_as_attachments(client, personas):
    client.force_login(personas["staff"])
    csv = client.get(reverse("monitoring:template_download", args=["csv"]))
    assert csv["Content-Disposition"].endswith('.csv"')
    assert csv.content.decode("utf-8-sig").startswith("reference,title,forum")
    assert client.get(reverse("monitoring:template_download", args=["pdf"])).status_code == 404
