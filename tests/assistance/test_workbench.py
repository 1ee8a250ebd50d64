"""The staff workbench: who sees it, queues by state, the table, clocks and HTMX."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from oipa.assistance import services
from oipa.assistance.builders import build_application
from oipa.assistance.models import Application, ClockKind, SlaClock

pytestmark = pytest.mark.django_db
URL = reverse("assistance:workbench")


@pytest.mark.parametrize("persona", ["staff", "admin", "auditor"])
def test_it_shows_center_roles_the_queue(client, personas, submitted, persona):
    client.force_login(personas[persona])
    response = client.get(URL)
    assert response.status_code == 200
    assert submitted.number in response.content.decode()


@pytest.mark.parametrize(
    "persona", ["chaoyang", "expert", "partner", "district", "association", "institution"]
)
def test_it_answers_404_to_everyone_else(client, personas, submitted, persona):
    client.force_login(personas[persona])
    assert client.get(URL).status_code == 404


def test_it_sends_anonymous_visitors_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_it_never_lists_drafts(client, personas):
    build_application(actor=personas["chaoyang"], submit=False, title="尚未提交的草稿")
    client.force_login(personas["staff"])
    assert "尚未提交的草稿" not in client.get(URL).content.decode()


def test_it_counts_each_queue_and_filters_by_the_chosen_tab(client, personas, accepted):
    other = build_application(actor=personas["haidian"], title="海淀待受理")
    client.force_login(personas["staff"])
    response = client.get(URL, {"status": "submitted"})
    tabs = {value: count for value, _label, count in response.context["queue"].tabs}
    assert tabs["submitted"] == 1
    assert tabs["accepted"] == 1
    assert tabs[""] == 2
    numbers = [row.application.number for row in response.context["rows"]]
    assert numbers == [other.number]


def test_the_tab_counts_follow_the_other_filters(client, personas, accepted):
    build_application(actor=personas["haidian"], ip_types=["trademark"])
    client.force_login(personas["staff"])
    response = client.get(URL, {"ip_type": "trademark"})
    tabs = {value: count for value, _label, count in response.context["queue"].tabs}
    assert tabs == {**tabs, "submitted": 1, "accepted": 0, "": 1}


def test_an_htmx_request_gets_the_queue_partial_only(client, personas, submitted):
    client.force_login(personas["staff"])
    response = client.get(URL, {"status": "submitted"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert submitted.number in body
    assert [t.name for t in response.templates][0] == "assistance/partials/staff_queue.html"


def test_the_full_page_includes_the_same_queue_partial(client, personas, submitted):
    client.force_login(personas["staff"])
    response = client.get(URL)
    names = [t.name for t in response.templates]
    assert "assistance/workbench.html" in names
    assert "assistance/partials/staff_queue.html" in names


def test_it_shows_the_case_officer_and_urgency(client, personas, accepted):
    client.force_login(personas["staff"])
    body = client.get(URL).content.decode()
    assert personas["staff"].full_name in body
    row = client.get(URL).context["rows"][0]
    assert row.urgency is not None and row.urgency.level in {"urgent", "high", "normal"}


def test_it_highlights_a_breached_clock(client, personas, submitted):
    SlaClock.objects.filter(application=submitted, kind=ClockKind.ACCEPTANCE).update(
        due_on=timezone.localdate() - timedelta(days=1)
    )
    client.force_login(personas["staff"])
    response = client.get(URL)
    assert response.context["rows"][0].clock_state == "breached"
    assert 'class="clock-breached"' in response.content.decode()


def test_it_marks_a_clock_due_today(client, personas, submitted):
    SlaClock.objects.filter(application=submitted).update(due_on=timezone.localdate())
    client.force_login(personas["staff"])
    response = client.get(URL)
    assert response.context["rows"][0].clock_state == "today"
    assert 'class="clock-due"' in response.content.decode()


def test_a_paused_clock_says_so(client, personas, submitted):
    services.request_more_information(
        actor=personas["staff"], application=submitted, request="请补充起诉状"
    )
    client.force_login(personas["staff"])
    row = client.get(URL).context["rows"][0]
    assert row.clock_state == "paused"


def test_it_shows_the_provisional_badge_of_a_provisional_clock(client, personas, submitted):
    SlaClock.objects.filter(application=submitted).update(provisional=True)
    client.force_login(personas["staff"])
    assert "badge-warn" in client.get(URL).content.decode()


def test_it_hides_the_content_of_a_confidential_case_from_other_staff(client, personas):
    secret = build_application(actor=personas["chaoyang"], title="商业秘密案件")
    services.accept_application(
        actor=personas["admin"], application=secret, case_officer=personas["admin"]
    )
    services.set_confidentiality(actor=personas["admin"], application=secret, confidential=True)
    client.force_login(personas["staff"])
    body = client.get(URL).content.decode()
    assert secret.number in body
    assert "商业秘密案件" not in body
    client.force_login(personas["admin"])
    assert "商业秘密案件" in client.get(URL).content.decode()


def test_it_escapes_user_text(client, personas):
    build_application(actor=personas["chaoyang"], title="<script>alert(1)</script>")
    client.force_login(personas["staff"])
    body = client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def test_it_pages_by_fifty(client, personas, submitted):
    Application.objects.bulk_create(
        Application(
            applicant=submitted.applicant,
            created_by=submitted.created_by,
            status="submitted",
            number=f"京海援〔2026〕{i + 100:04d}号",
            title=f"批量 {i}",
        )
        for i in range(55)
    )
    client.force_login(personas["staff"])
    first = client.get(URL)
    assert len(first.context["rows"]) == 50
    second = client.get(URL, {"page": 2})
    assert len(second.context["rows"]) == 6


def test_the_statistics_panel_is_included_when_it_exists(client, personas, submitted):
    client.force_login(personas["staff"])
    response = client.get(URL)
    names = {t.name for t in response.templates}
    assert response.context["stats_panel"] == ("assistance/partials/statistics_panel.html" in names)


def test_the_workbench_works_without_the_statistics_panel(client, personas, submitted, monkeypatch):
    from django.template import TemplateDoesNotExist

    from oipa.assistance.views import staff

    def missing(name):
        raise TemplateDoesNotExist(name)

    monkeypatch.setattr(staff, "get_template", missing)
    client.force_login(personas["staff"])
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["stats_panel"] is False
    assert "assistance/partials/statistics_panel.html" not in {t.name for t in response.templates}
