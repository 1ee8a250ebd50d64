"""The Center admins' calendar pages."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from oipa.core.calendar.models import HolidaySchedule
from oipa.core.calendar.working_days import is_working_day

pytestmark = pytest.mark.django_db

PAGES = [
    ("calendar:year_list", {}),
    ("calendar:year_detail", {"year": 2027}),
    ("calendar:year_edit", {"year": 2027}),
]

SCHEDULE_FORM = {
    "holidays": "# 2027\n2027-01-01 元旦\n2027-02-06..2027-02-12 春节",
    "working_days": "2027-02-14 春节\n2027-02-20 春节",
    "notice": "国办发明电〔2026〕7号",
}


@pytest.fixture
def admin_client(client, center_admin):
    client.force_login(center_admin)
    return client


class TestIndex:
    @time_machine.travel("2026-11-25 10:00 +0800", tick=False)
    def test_it_lists_last_this_and_the_next_two_years_with_their_source(self, admin_client):
        response = admin_client.get(reverse("calendar:year_list"))
        assert response.status_code == 200
        page = response.content.decode()
        for year in ("2025", "2026", "2027", "2028"):
            assert reverse("calendar:year_detail", args=[int(year)]) in page
        assert page.count('class="badge badge-warn"') == 2  # 2027 and 2028 are weekends only


class TestYearPage:
    def test_it_shows_the_library_days_of_2026(self, admin_client):
        response = admin_client.get(reverse("calendar:year_detail", args=[2026]))
        assert response.status_code == 200
        assert '<time datetime="2026-02-14">' in response.content.decode()

    def test_it_warns_that_an_unknown_year_is_provisional(self, admin_client):
        response = admin_client.get(reverse("calendar:year_detail", args=[2027]))
        assert 'class="badge badge-warn"' in response.content.decode()

    def test_it_shows_the_history_of_entered_schedules(self, admin_client, publish):
        publish(2027, notice="first notice")
        publish(2027, notice="second notice")
        page = admin_client.get(reverse("calendar:year_detail", args=[2027])).content.decode()
        assert "first notice" in page and "second notice" in page

    def test_a_year_out_of_range_is_not_found(self, admin_client):
        assert admin_client.get(reverse("calendar:year_detail", args=[1900])).status_code == 404


class TestEditPage:
    def test_the_form_is_prefilled_from_the_current_schedule(self, admin_client, publish):
        publish(2027, notice="国办发明电〔2026〕7号")
        page = admin_client.get(reverse("calendar:year_edit", args=[2027])).content.decode()
        assert "2027-02-06..2027-02-12 春节" in page
        assert "国办发明电〔2026〕7号" in page
        assert '<label for="id_holidays">' in page

    def test_posting_publishes_the_schedule(self, admin_client, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(reverse("calendar:year_edit", args=[2027]), SCHEDULE_FORM)
        assert response.status_code == 302
        assert response["Location"] == reverse("calendar:year_detail", args=[2027])
        schedule = HolidaySchedule.objects.get(year=2027)
        assert schedule.notice == "国办发明电〔2026〕7号"
        assert is_working_day(date(2027, 2, 14)).working

    def test_a_bad_line_is_shown_with_its_number(self, admin_client):
        form = SCHEDULE_FORM | {"holidays": "2027-01-01 元旦\n2027-02-30 春节"}
        response = admin_client.post(
            reverse("calendar:year_edit", args=[2027]), form, HTTP_ACCEPT_LANGUAGE="en"
        )
        assert response.status_code == 200
        assert "Line 2: not a valid date." in response.content.decode()
        assert not HolidaySchedule.objects.exists()

    def test_a_weekday_adjusted_working_day_is_refused_on_the_page(self, admin_client):
        form = SCHEDULE_FORM | {"working_days": "2027-02-15 春节"}
        response = admin_client.post(reverse("calendar:year_edit", args=[2027]), form)
        assert response.status_code == 200
        assert "2027-02-15" in response.content.decode()
        assert not HolidaySchedule.objects.exists()


class TestAccess:
    @pytest.mark.parametrize("persona", ["center_staff", "auditor", "enterprise_admin"])
    @pytest.mark.parametrize(("name", "kwargs"), PAGES)
    def test_it_hides_the_pages_from_everyone_but_center_admins(
        self, client, request, persona, name, kwargs
    ):
        client.force_login(request.getfixturevalue(persona))
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 404

    def test_a_non_admin_cannot_post_a_schedule(self, client, center_staff):
        client.force_login(center_staff)
        response = client.post(reverse("calendar:year_edit", args=[2027]), SCHEDULE_FORM)
        assert response.status_code == 404
        assert not HolidaySchedule.objects.exists()

    @pytest.mark.parametrize(("name", "kwargs"), PAGES)
    def test_it_sends_anonymous_users_to_log_in(self, client, name, kwargs):
        url = reverse(name, kwargs=kwargs)
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
