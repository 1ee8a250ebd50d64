"""My applications: the enterprise's own, newest first; other roles see their cases read-only."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from oipa.assistance import services
from oipa.assistance.builders import build_application

pytestmark = pytest.mark.django_db

LIST = reverse("assistance:application_list")


def listed(response):
    return [application for application, _urgency, _step in response.context["rows"]]


def test_the_enterprise_sees_its_applications_newest_first(client, personas):
    enterprise = personas["chaoyang"]
    older = build_application(actor=enterprise, title="旧案")
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        newer = build_application(actor=enterprise, submit=False, title="新草稿")
    build_application(actor=personas["haidian"], title="别家的案子")
    client.force_login(enterprise)
    response = client.get(LIST)
    assert response.status_code == 200
    assert listed(response) == [newer, older]
    assert "别家的案子" not in response.text
    assert reverse("assistance:application_create") in response.text


def test_each_row_shows_urgency_and_the_next_step(client, personas):
    enterprise = personas["chaoyang"]
    deadline = timezone.localdate() + timedelta(days=3)
    build_application(actor=enterprise, response_deadline=deadline)
    client.force_login(enterprise)
    response = client.get(LIST)
    _application, urgency, step = response.context["rows"][0]
    assert urgency.level == "urgent"
    assert step.due is not None
    assert urgency.label in response.text
    assert step.text in response.text


def test_the_district_office_reads_its_enterprises_cases_without_applying(client, personas):
    submitted = build_application(actor=personas["chaoyang"])
    build_application(actor=personas["haidian"])
    client.force_login(personas["district"])
    response = client.get(LIST)
    assert listed(response) == [submitted]
    assert reverse("assistance:application_create") not in response.text


def test_an_expert_sees_only_the_cases_assigned_to_them(client, personas, accepted):
    build_application(actor=personas["haidian"])
    client.force_login(personas["expert"])
    assert listed(client.get(LIST)) == []
    services.assign_expert(
        actor=personas["staff"], application=accepted, expert=personas["expert"], role="lead"
    )
    assert listed(client.get(LIST)) == [accepted]


def test_another_enterprise_sees_nothing_of_chaoyangs_cases(client, personas, submitted):
    client.force_login(personas["haidian"])
    assert listed(client.get(LIST)) == []


def test_anonymous_visitors_are_sent_to_login(client):
    assert client.get(LIST).status_code == 302


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST).status_code == 200
    return len(queries)


def test_the_list_query_count_does_not_grow_with_applications(client, personas):
    enterprise = personas["chaoyang"]
    for _ in range(2):
        build_application(actor=enterprise)
    client.force_login(enterprise)
    client.get(LIST)  # warm per-process caches
    few = _queries(client)
    for _ in range(10):
        build_application(actor=enterprise)
    assert _queries(client) == few


def test_staff_see_a_confidential_case_in_the_list_without_its_title(client, personas):
    build_application(actor=personas["chaoyang"], confidential=True, title="商业秘密标题")
    client.force_login(personas["staff"])
    response = client.get(LIST)
    assert len(listed(response)) == 1
    assert "商业秘密标题" not in response.text
