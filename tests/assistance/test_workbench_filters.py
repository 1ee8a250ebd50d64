"""Each filter of the workbench (the same FilterSet the API uses)."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from oipa.assistance import services
from oipa.assistance.builders import build_application
from oipa.assistance.filters import ApplicationFilter
from oipa.assistance.models import Application
from oipa.core.taxonomy.models import Industry, Jurisdiction

pytestmark = pytest.mark.django_db
URL = reverse("assistance:workbench")


@pytest.fixture
def two_cases(personas):
    """A Chaoyang US patent case and a Haidian German trademark warning letter."""
    patent = build_application(actor=personas["chaoyang"], title="朝阳专利案")
    trademark = build_application(
        actor=personas["haidian"],
        title="海淀商标警告函",
        ip_types=["trademark", "copyright"],
        dispute_type="warning_letter",
        jurisdictions=list(Jurisdiction.objects.filter(code="DE")),
        industry=Industry.objects.get(code="C"),
        response_deadline=timezone.localdate() + timedelta(days=90),
    )
    return patent, trademark


@pytest.fixture
def partner_center(personas):
    return personas["partner"].membership.organization


def shown(client, personas, **params) -> set[str]:
    client.force_login(personas["staff"])
    response = client.get(URL, params)
    assert response.status_code == 200
    return {row.application.title for row in response.context["rows"]}


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"ip_type": "patent"}, {"朝阳专利案"}),
        ({"ip_type": "copyright"}, {"海淀商标警告函"}),
        ({"dispute_type": "warning_letter"}, {"海淀商标警告函"}),
        ({"country": "US"}, {"朝阳专利案"}),
        ({"country": "DE"}, {"海淀商标警告函"}),
        ({"district": "110105"}, {"朝阳专利案"}),
        ({"district": "110108"}, {"海淀商标警告函"}),
        ({"industry": "C"}, {"海淀商标警告函"}),
        ({"urgency": "high"}, {"朝阳专利案"}),
        ({"urgency": "normal"}, {"海淀商标警告函"}),
        ({"q": "警告函"}, {"海淀商标警告函"}),
        ({"q": "清源生物"}, {"海淀商标警告函"}),
        ({"status": "submitted"}, {"朝阳专利案", "海淀商标警告函"}),
        ({}, {"朝阳专利案", "海淀商标警告函"}),
    ],
)
def test_each_filter_keeps_only_matching_cases(client, personas, two_cases, params, titles):
    assert shown(client, personas, **params) == titles


def test_it_searches_by_case_number(client, personas, two_cases):
    patent, _trademark = two_cases
    assert shown(client, personas, q=patent.number) == {"朝阳专利案"}


def test_it_filters_by_district_name_for_the_api(personas, two_cases):
    request = RequestFactory().get("/")
    request.user = personas["staff"]
    base = Application.objects.visible_to(personas["staff"])
    found = ApplicationFilter({"district": "海淀"}, queryset=base, request=request).qs
    assert {a.title for a in found} == {"海淀商标警告函"}


def test_it_filters_overdue_and_deadline_free_cases(client, personas, two_cases):
    patent, trademark = two_cases
    Application.objects.filter(pk=patent.pk).update(
        response_deadline=timezone.localdate() - timedelta(days=1)
    )
    Application.objects.filter(pk=trademark.pk).update(response_deadline=None)
    assert shown(client, personas, urgency="overdue") == {"朝阳专利案"}
    assert shown(client, personas, urgency="none") == {"海淀商标警告函"}


def test_it_filters_urgent_cases(client, personas, two_cases):
    patent, _trademark = two_cases
    Application.objects.filter(pk=patent.pk).update(response_deadline=timezone.localdate())
    assert shown(client, personas, urgency="urgent") == {"朝阳专利案"}


def test_it_filters_by_case_officer_and_unassigned(client, personas, two_cases):
    patent, _trademark = two_cases
    services.accept_application(actor=personas["staff"], application=patent)
    assert shown(client, personas, case_officer=personas["staff"].pk) == {"朝阳专利案"}
    assert shown(client, personas, case_officer="null") == {"海淀商标警告函"}


def test_it_filters_by_confidentiality(client, personas, two_cases):
    patent, _trademark = two_cases
    services.accept_application(actor=personas["staff"], application=patent)
    services.set_confidentiality(actor=personas["staff"], application=patent, confidential=True)
    assert shown(client, personas, confidential="true") == {"朝阳专利案"}
    assert shown(client, personas, confidential="false") == {"海淀商标警告函"}


def test_it_filters_by_joint_guidance(client, personas, two_cases, partner_center):
    _patent, trademark = two_cases
    services.propose_joint_guidance(
        actor=personas["staff"], application=trademark, partner_centers=[partner_center]
    )
    assert shown(client, personas, joint_guidance="proposed") == {"海淀商标警告函"}
    assert shown(client, personas, joint_guidance="none") == {"朝阳专利案"}
    assert shown(client, personas, joint_guidance="confirmed") == set()


def test_content_filters_skip_confidential_cases_the_user_may_not_read(client, personas, two_cases):
    patent, _trademark = two_cases
    services.accept_application(
        actor=personas["admin"], application=patent, case_officer=personas["admin"]
    )
    services.set_confidentiality(actor=personas["admin"], application=patent, confidential=True)
    assert shown(client, personas, q="朝阳专利") == set()
    assert shown(client, personas, status="accepted") == {"朝阳专利案"}
    client.force_login(personas["admin"])
    found = client.get(URL, {"q": "朝阳专利"}).context["rows"]
    assert [row.application.title for row in found] == ["朝阳专利案"]


def test_an_unknown_choice_is_reported_not_a_crash(client, personas, two_cases):
    client.force_login(personas["staff"])
    response = client.get(URL, {"ip_type": "perpetual_motion"})
    assert response.status_code == 200
    assert response.context["filter"].form.errors
