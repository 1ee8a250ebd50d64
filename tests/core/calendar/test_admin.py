"""The admin shows holiday schedules read-only; writes go through the calendar pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_site_client(client, center_admin):
    center_admin.is_staff = center_admin.is_superuser = True
    center_admin.save()
    client.force_login(center_admin)
    return client


def test_it_lists_and_shows_schedules_with_their_days(admin_site_client, publish):
    schedule = publish(2027, notice="国办发明电〔2026〕7号")
    changelist = admin_site_client.get(reverse("admin:calendar_holidayschedule_changelist"))
    assert changelist.status_code == 200
    page = admin_site_client.get(
        reverse("admin:calendar_holidayschedule_change", args=[schedule.pk])
    )
    assert page.status_code == 200
    assert "国办发明电〔2026〕7号" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()


def test_it_offers_no_way_to_add_or_delete(admin_site_client, publish):
    schedule = publish(2027)
    add = admin_site_client.get(reverse("admin:calendar_holidayschedule_add"))
    delete = admin_site_client.get(
        reverse("admin:calendar_holidayschedule_delete", args=[schedule.pk])
    )
    assert add.status_code == 403
    assert delete.status_code == 403
