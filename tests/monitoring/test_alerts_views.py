"""Alert pages: an enterprise sees only its own alerts and applies for guidance from one; the
Center sees them all; everyone else gets 404."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from oipa.assistance.models import Application
from oipa.monitoring import matching_service, services, tasks_alerts
from oipa.monitoring.models import SourceKind, WatchedEnterprise
from oipa.monitoring.models_alerts import Alert
from oipa.monitoring.names import org_key

HEADER = "reference,title,forum,case_number,nature_of_suit,filed_on,plaintiffs,defendants"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(date(2026, 3, 4), tick=False):
        yield


@pytest.fixture
def alerts(make_source, personas, fake_engine):
    """One alert each for Chaoyang (a trademark case), Haidian and a watched enterprise."""
    source = make_source(SourceKind.SPREADSHEET, "staff-upload")
    watched = WatchedEnterprise.objects.create(name="天津某某科技有限公司", province_code="12")
    rows = [
        "c-1,Acme Inc. v. XingheTech,N.D. Illinois,1:26-cv-01001,840 Trademark,2026-03-02,"
        "Acme Inc.; Acme Brands LLC,XingheTech Store",
        "c-2,Bolt Corp. v. Qingyuan,D. Delaware,1:26-cv-02002,830 Patent,2026-03-02,"
        "Bolt Corp.,Qingyuan Biopharma",
        "c-3,Zed v. Moumou,E.D. Texas,2:26-cv-03003,820 Copyright,2026-03-02,Zed,Moumou Tech",
    ]
    run = services.import_source(source=source, file="\n".join([HEADER, *rows]).encode())
    table = {
        "XingheTech Store": [(org_key(personas["chaoyang"].organization.pk), 100.0)],
        "Qingyuan Biopharma": [(org_key(personas["haidian"].organization.pk), 97.0)],
        "Moumou Tech": [(watched.key, 99.0)],
    }
    matching_service.match_run(run, engine=fake_engine(table), threshold=92)
    tasks_alerts.alert_run(run.pk)
    return {a.dispute.external_id: a for a in Alert.objects.all()}


def codes(response):
    return {a.dispute.external_id for a in response.context["page"]}


def test_an_enterprise_lists_only_its_own_alerts(client, personas, alerts):
    client.force_login(personas["chaoyang"])
    response = client.get(reverse("monitoring:alert_list"))
    assert codes(response) == {"c-1"}
    assert "Bolt Corp." not in response.content.decode()


def test_another_enterprises_alert_is_404(client, personas, alerts):
    client.force_login(personas["chaoyang"])
    other = alerts["c-2"].code
    assert client.get(reverse("monitoring:alert_detail", args=[other])).status_code == 404
    assert client.post(reverse("monitoring:alert_apply", args=[other])).status_code == 404


@pytest.mark.parametrize("persona", ["partner", "district", "association", "expert"])
def test_outsiders_get_404(client, personas, alerts, persona):
    client.force_login(personas[persona])
    assert client.get(reverse("monitoring:alert_list")).status_code == 404
    detail = reverse("monitoring:alert_detail", args=[alerts["c-1"].code])
    assert client.get(detail).status_code == 404


def test_staff_see_every_alert_with_its_status_and_filter_them(client, personas, alerts):
    client.force_login(personas["staff"])
    assert codes(client.get(reverse("monitoring:alert_list"))) == {"c-1", "c-2", "c-3"}
    unread = client.get(reverse("monitoring:alert_list"), {"state": "unread"})
    assert codes(unread) == {"c-1", "c-2"}
    undelivered = client.get(reverse("monitoring:alert_list"), {"state": "undelivered"})
    assert codes(undelivered) == {"c-3"}
    assert codes(client.get(reverse("monitoring:alert_list"), {"q": "清源"})) == {"c-2"}


def test_opening_an_alert_marks_it_read_for_the_enterprise_not_for_staff(client, personas, alerts):
    alert = alerts["c-1"]
    client.force_login(personas["staff"])
    client.get(reverse("monitoring:alert_detail", args=[alert.code]))
    alert.refresh_from_db()
    assert alert.read_at is None
    client.force_login(personas["chaoyang"])
    page = client.get(reverse("monitoring:alert_detail", args=[alert.code])).content.decode()
    alert.refresh_from_db()
    assert alert.read_at is not None
    assert "1:26-cv-01001" in page and "Acme Brands LLC" in page and "2026-03-30" in page
    assert "XingheTech Store" in page
    assert reverse("monitoring:alert_apply", args=[alert.code]) in page


def test_applying_starts_a_prefilled_draft_once(client, personas, alerts):
    alert = alerts["c-1"]
    client.force_login(personas["chaoyang"])
    url = reverse("monitoring:alert_apply", args=[alert.code])
    response = client.post(url)
    application = Application.objects.get()
    assert response["Location"] == reverse("assistance:application_edit", args=[application.code])
    assert client.post(url)["Location"] == response["Location"]
    assert Application.objects.count() == 1
    assert application.title == "Acme Inc. v. XingheTech"
    assert (application.dispute_type, application.our_role) == ("litigation", "defendant")
    assert (application.forum, application.case_numbers) == ("N.D. Illinois", "1:26-cv-01001")
    assert application.ip_types == ["trademark"]
    assert application.response_deadline == date(2026, 3, 30)
    assert application.served_on is None
    assert [j.code for j in application.jurisdictions.all()] == ["US"]
    assert sorted(p.name for p in application.parties.all()) == ["Acme Brands LLC", "Acme Inc."]
    assert {p.kind for p in application.parties.all()} == {"counterparty"}
    alert.refresh_from_db()
    assert (alert.application, alert.acted_at is not None) == (application, True)


def test_a_patent_case_prefills_patent_and_a_passed_deadline_is_left_empty(
    client, personas, alerts
):
    with time_machine.travel(date(2026, 5, 4), tick=False):
        client.force_login(personas["haidian"])
        client.post(reverse("monitoring:alert_apply", args=[alerts["c-2"].code]))
    application = Application.objects.get()
    assert (application.ip_types, application.response_deadline) == (["patent"], None)


def test_staff_cannot_apply_on_an_enterprises_behalf(client, personas, alerts):
    client.force_login(personas["staff"])
    response = client.post(reverse("monitoring:alert_apply", args=[alerts["c-1"].code]))
    assert response.status_code == 404
    assert not Application.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, alerts):
    response = client.get(reverse("monitoring:alert_list"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_staff_list_costs_a_fixed_number_of_queries(
    client, personas, alerts, django_assert_max_num_queries
):
    client.force_login(personas["staff"])
    client.get(reverse("monitoring:alert_list"))  # warm the calendar cache
    # session, user, membership, MFA, nav badge, count, alerts, session save (3)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("monitoring:alert_list")).status_code == 200
