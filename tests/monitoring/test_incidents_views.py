"""Incident pages: open from a dispute or a group (prefilled), act on the detail page, and
404 for everyone outside the Center."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from oipa.core.notifications.models import Notification
from oipa.monitoring import incidents
from oipa.monitoring.groups import co_defendant_groups
from oipa.monitoring.models import Incident, SourceKind
from tests.monitoring.dispute_builders import build_dispute, orgs


@pytest.fixture
def dispute(make_source, personas):
    source = make_source(SourceKind.PACER_RSS, "ilnd-rss")
    return build_dispute(
        source, "1001", defendants=orgs(personas, "chaoyang", "hebei"), filed_on=date(2026, 3, 2)
    )


@pytest.fixture
def incident(personas, dispute):
    return incidents.open_incident(
        actor=personas["staff"], title="E-bike wave", enterprises=orgs(personas, "chaoyang")
    )


def _pages(incident):
    return [
        reverse("monitoring:incident_list"),
        reverse("monitoring:incident_detail", args=[incident.code]),
    ]


def test_the_open_form_is_prefilled_from_a_dispute(client, personas, dispute):
    client.force_login(personas["staff"])
    url = reverse("monitoring:incident_open") + f"?from=dispute:{dispute.code}"
    body = client.get(url).content.decode()
    assert dispute.title in body
    assert "河北燕赵电器有限公司" in body and "北京星河智联科技有限公司" in body


def test_opening_from_a_dispute_links_it_and_its_enterprises(client, personas, dispute):
    client.force_login(personas["staff"])
    hebei = personas["hebei"].organization
    response = client.post(
        reverse("monitoring:incident_open"),
        {
            "origin": f"dispute:{dispute.code}",
            "title": "Acme wave",
            "enterprises": [f"org:{hebei.pk}"],
            "disputes": [str(dispute.code)],
        },
    )
    incident = Incident.objects.get()
    assert response.url == reverse("monitoring:incident_detail", args=[incident.code])
    assert [row.organization for row in incident.enterprises.all()] == [hebei]
    assert [link.dispute for link in incident.disputes.all()] == [dispute]


def test_opening_from_a_group_takes_its_disputes(client, personas, dispute):
    [group] = co_defendant_groups()
    client.force_login(personas["staff"])
    form = client.get(reverse("monitoring:incident_open") + f"?from=group:{group.key}")
    assert form.status_code == 200
    client.post(
        reverse("monitoring:incident_open"),
        {
            "origin": f"group:{group.key}",
            "title": "Acme wave",
            "enterprises": [e.key for e in group.enterprises],
            "disputes": [str(dispute.code)],
        },
    )
    assert Incident.objects.get().enterprises.count() == 2


def test_an_invalid_open_form_is_answered_with_400(client, personas):
    client.force_login(personas["staff"])
    assert client.post(reverse("monitoring:incident_open"), {"title": ""}).status_code == 400


def test_staff_act_on_the_detail_page(client, personas, incident, dispute):
    client.force_login(personas["staff"])

    def act(action, **data):
        url = reverse("monitoring:incident_action", args=[incident.code, action])
        assert client.post(url, data).status_code == 302

    act("add-enterprise", uscc=personas["hebei"].organization.uscc)
    act("link-dispute", reference=dispute.case_number)
    act("add-association", association=personas["association"].organization.pk)
    act("tick-step", item=incident.checklist.first().pk)
    act("notice", text="Meeting tomorrow.")
    act("close")
    incident.refresh_from_db()
    assert incident.enterprises.count() == 2
    assert incident.disputes.count() == 1
    assert incident.associations.count() == 1
    assert incident.checklist.filter(done=True).count() == 1
    assert Notification.objects.filter(recipient=personas["association"]).exists()
    assert not incident.is_open
    page = client.get(reverse("monitoring:incident_detail", args=[incident.code]))
    assert "Meeting tomorrow." in page.content.decode()


def test_an_unknown_uscc_is_reported_not_raised(client, personas, incident):
    client.force_login(personas["staff"])
    url = reverse("monitoring:incident_action", args=[incident.code, "add-enterprise"])
    response = client.post(url, {"uscc": "91110000000000000X"}, follow=True)
    assert "没有使用该统一社会信用代码的监测企业" in response.content.decode()


def test_center_staff_and_auditors_read_the_pages(client, personas, incident):
    for persona in ("staff", "admin", "auditor"):
        client.force_login(personas[persona])
        for url in _pages(incident):
            assert client.get(url).status_code == 200, (persona, url)


def test_auditors_cannot_act(client, personas, incident):
    client.force_login(personas["auditor"])
    url = reverse("monitoring:incident_action", args=[incident.code, "close"])
    assert client.post(url).status_code == 404
    assert client.get(reverse("monitoring:incident_open")).status_code == 404


def test_everyone_else_gets_404(client, personas, incident):
    for persona in ("chaoyang", "hebei", "association", "partner", "district", "expert"):
        client.force_login(personas[persona])
        for url in [*_pages(incident), reverse("monitoring:incident_open")]:
            assert client.get(url).status_code == 404, (persona, url)
        close = reverse("monitoring:incident_action", args=[incident.code, "close"])
        assert client.post(close).status_code == 404
    incident.refresh_from_db()
    assert incident.is_open


def test_staff_may_open_an_incident_from_scratch(client, personas):
    client.force_login(personas["staff"])
    assert client.get(reverse("monitoring:incident_open")).status_code == 200
    response = client.post(reverse("monitoring:incident_open"), {"title": "Industry-wide event"})
    assert response.status_code == 302
    assert Incident.objects.get().checklist.count() == 6
