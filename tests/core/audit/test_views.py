"""Audit trail pages: auditors and Center admins browse and filter; everyone else gets 404."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from oipa.core.audit.actions import ACTION_LABELS, register_action
from oipa.core.audit.services import events_for, record_event

LIST_URL = "/audit/"


def seqs(response) -> list[int]:
    return [event.seq for event in response.context["page_obj"]]


@pytest.fixture
def labelled_action():
    register_action("accounts.enterprise_updated", "Enterprise details updated")
    yield
    ACTION_LABELS.pop("accounts.enterprise_updated", None)


class TestEventList:
    def test_it_is_mounted_at_audit(self):
        assert reverse("audit:event_list") == LIST_URL

    def test_it_shows_an_auditor_the_newest_events_first(self, client, auditor, make_events):
        make_events(3)
        client.force_login(auditor)
        response = client.get(LIST_URL)
        assert response.status_code == 200
        assert seqs(response) == [3, 2, 1]
        assert "staff@center.cn" in response.content.decode()

    def test_it_shows_a_center_admin_the_list(self, client, center_admin, make_events):
        make_events(1)
        client.force_login(center_admin)
        assert client.get(LIST_URL).status_code == 200

    def test_it_hides_from_center_staff(self, client, center_staff):
        client.force_login(center_staff)
        assert client.get(LIST_URL).status_code == 404

    def test_it_hides_from_an_enterprise_user(self, client, enterprise_admin):
        client.force_login(enterprise_admin)
        assert client.get(LIST_URL).status_code == 404

    def test_it_sends_anonymous_visitors_to_login(self, client, db):
        response = client.get(LIST_URL)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))

    def test_it_filters_by_action_prefix(self, client, auditor, make_events):
        make_events(2)
        make_events(1, action="assistance.application_submitted")
        client.force_login(auditor)
        assert seqs(client.get(LIST_URL, {"action": "assistance."})) == [3]
        assert seqs(client.get(LIST_URL, {"action": "accounts"})) == [2, 1]

    def test_it_filters_by_actor_and_organization(self, client, auditor, make_events, center):
        make_events(2)
        record_event(actor=auditor, action="core.center_renamed", target=center)
        client.force_login(auditor)
        assert seqs(client.get(LIST_URL, {"actor": "auditor@"})) == [3]
        assert seqs(client.get(LIST_URL, {"organization": "星河"})) == [2, 1]
        assert seqs(client.get(LIST_URL, {"organization": "维权中心"})) == [3]

    def test_it_filters_by_object(self, client, auditor, make_events, enterprise):
        make_events(2)
        record_event(actor=None, action="core.cleanup_ran")
        client.force_login(auditor)
        params = {"target_type": "accounts.organization", "target_id": str(enterprise.code)}
        assert seqs(client.get(LIST_URL, params)) == [2, 1]

    def test_it_filters_by_local_dates(self, client, auditor, make_events):
        # 2025-03-01 23:30 in Beijing is still 15:30 UTC on the same day.
        with time_machine.travel(dt.datetime(2025, 3, 1, 15, 30, tzinfo=dt.UTC)):
            make_events(1)
        with time_machine.travel(dt.datetime(2025, 3, 1, 16, 30, tzinfo=dt.UTC)):
            make_events(1)
        client.force_login(auditor)
        assert seqs(client.get(LIST_URL, {"date_to": "2025-03-01"})) == [1]
        assert seqs(client.get(LIST_URL, {"date_from": "2025-03-02"})) == [2]

    def test_it_keeps_the_form_labelled_and_the_table_accessible(self, client, auditor):
        client.force_login(auditor)
        html = client.get(LIST_URL).content.decode()
        assert '<label for="id_action">' in html
        assert '<label for="id_date_from">' in html
        assert "<caption>" in html
        assert 'scope="col"' in html

    def test_it_paginates_by_fifty(self, client, auditor, make_events):
        make_events(51)
        client.force_login(auditor)
        assert len(seqs(client.get(LIST_URL))) == 50
        assert seqs(client.get(LIST_URL, {"page": 2})) == [1]

    def test_its_query_count_does_not_grow_with_the_events(
        self, client, auditor, make_events, django_assert_max_num_queries
    ):
        client.force_login(auditor)
        make_events(2)
        with CaptureQueriesContext(connection) as few:
            client.get(LIST_URL)
        make_events(60)
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get(LIST_URL).status_code == 200

    def test_it_shows_registered_action_labels(self, client, auditor, make_events, labelled_action):
        make_events(1)
        make_events(1, action="accounts.unlabelled_thing")
        client.force_login(auditor)
        html = client.get(LIST_URL).content.decode()
        assert "Enterprise details updated" in html
        assert "accounts.unlabelled_thing" in html


class TestEventDetail:
    def test_it_shows_before_and_after(self, client, auditor, make_events):
        make_events(2)
        client.force_login(auditor)
        response = client.get(reverse("audit:event_detail", args=[2]))
        assert response.status_code == 200
        assert response.context["event"].changes() == [
            ("n", 1, 2),
            ("name", None, "北京星河科技有限公司"),
        ]
        assert response.context["event"].hash in response.content.decode()

    def test_it_answers_404_for_a_missing_event(self, client, auditor):
        client.force_login(auditor)
        assert client.get(reverse("audit:event_detail", args=[99])).status_code == 404

    def test_it_hides_from_an_enterprise_user(self, client, enterprise_admin, make_events):
        make_events(1)
        client.force_login(enterprise_admin)
        assert client.get(reverse("audit:event_detail", args=[1])).status_code == 404

    def test_it_sends_anonymous_visitors_to_login(self, client, make_events):
        make_events(1)
        assert client.get(reverse("audit:event_detail", args=[1])).status_code == 302


def test_the_timeline_partial_lists_a_targets_events(make_events, enterprise, labelled_action):
    make_events(2)
    record_event(actor=None, action="accounts.enterprise_checked", target=enterprise)
    html = render_to_string("audit/partials/timeline.html", {"events": events_for(enterprise)})
    assert html.count("<li>") == 3
    assert "Enterprise details updated" in html
    assert "accounts.enterprise_checked" in html
    assert "staff@center.cn" in html
