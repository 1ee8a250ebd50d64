"""The public service-level page: no login, no case data, small months suppressed, cached."""

from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse

from oipa.assistance.builders import build_application

from .test_statistics import build_spring_festival_cases, on

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(personas):
    return build_spring_festival_cases(personas)


def test_it_needs_no_login_and_shows_february_figures(client, cases):
    with on(date(2026, 3, 15)):
        response = client.get(reverse("assistance:public_statistics"))
    assert response.status_code == 200
    february = response.context["levels"][-2]
    assert (february.month, february.applications) == ("2026-02", 5)
    html = response.content.decode()
    assert "75.0%" in html


def test_it_shows_no_case_identifying_data(client, cases):
    with on(date(2026, 3, 15)):
        html = client.get(reverse("assistance:public_statistics")).content.decode()
    for app in cases.values():
        assert app.number not in html
        assert str(app.code) not in html
    assert cases["A"].applicant.name not in html
    assert cases["A"].title not in html


def test_months_with_fewer_than_three_cases_show_dashes(client, cases):
    with on(date(2026, 3, 15)):
        response = client.get(reverse("assistance:public_statistics"))
    march = response.context["levels"][-1]
    assert march.suppressed
    row = response.content.decode().split("<tbody>")[1].split("</tr>")[-2]
    assert row.count("<td>—</td>") == 5


def test_the_json_gives_the_same_figures_with_nulls_for_suppressed(client, cases):
    with on(date(2026, 3, 15)):
        data = client.get(reverse("assistance:public_statistics_json")).json()
    assert data["minimum_cases"] == 3
    assert len(data["months"]) == 12
    february, march = data["months"][-2:]
    assert february == {
        "month": "2026-02",
        "applications": 5,
        "within_acceptance_sla": 0.75,
        "median_to_acceptance": 2.0,
        "median_to_first_guidance": None,
        "median_to_conclusion": None,
        "suppressed": False,
    }
    assert march["suppressed"] is True
    assert march["applications"] is None


def test_it_is_cached_for_a_while(client, personas):
    url = reverse("assistance:public_statistics_json")
    with on(date(2026, 5, 20)):
        assert client.get(url).json()["months"][-1]["applications"] is None
        for _ in range(3):
            build_application(actor=personas["chaoyang"])
        assert client.get(url).json()["months"][-1]["applications"] is None
        cache.clear()
        assert client.get(url).json()["months"][-1]["applications"] == 3


def test_drafts_are_not_counted(client, personas):
    with on(date(2026, 5, 20)):
        for _ in range(3):
            build_application(actor=personas["chaoyang"], submit=False)
        assert (
            client.get(reverse("assistance:public_statistics_json")).json()["months"][-1][
                "applications"
            ]
            is None
        )
