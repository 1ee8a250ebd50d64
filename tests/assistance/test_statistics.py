"""Statistics over applications, on cases placed around Spring Festival 2026.

Spring Festival 2026: 15–23 February off, Saturdays 14 and 28 February worked. So from Friday
13 February the 2nd working day is Tuesday 24 February, not Tuesday 17.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.template import Context, Template

from oipa.assistance import services
from oipa.assistance import statistics as stats
from oipa.assistance.builders import build_application
from oipa.assistance.models import Application

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")


def on(day: date):
    """Travel to 10:00 Beijing time on `day`."""
    return time_machine.travel(datetime.combine(day, time(10), tzinfo=BEIJING), tick=False)


def build_spring_festival_cases(personas) -> dict[str, Application]:
    """Five February cases and one March case with known dates (see the module docstring)."""
    enterprise, staff, expert = personas["chaoyang"], personas["staff"], personas["expert"]
    submitted = {"A": 13, "B": 12, "C": 9, "D": 10, "E": 11}
    cases = {}
    for key, day in submitted.items():
        with on(date(2026, 2, day)):
            cases[key] = build_application(actor=enterprise)
    with on(date(2026, 3, 3)):
        cases["F"] = build_application(actor=enterprise, ip_types=["trademark", "patent"])

    def act(day, service, key, **kwargs):
        with on(day):
            kwargs.setdefault("actor", staff)
            cases[key] = service(application=cases[key], **kwargs) or cases[key]

    act(date(2026, 2, 24), services.accept_application, "A")  # 2 working days: met
    act(date(2026, 2, 25), services.accept_application, "B")  # 4 working days: missed
    act(date(2026, 2, 10), services.accept_application, "C")  # 1 working day: met
    act(date(2026, 2, 11), services.decline_application, "D", reason="不属于援助范围")
    act(date(2026, 2, 12), services.withdraw_application, "E", actor=enterprise)
    for key, assigned, consulted in (("A", 25, 26), ("B", 26, 27)):
        with on(date(2026, 2, assigned)):
            services.assign_expert(actor=staff, application=cases[key], expert=expert)
        with on(date(2026, 2, consulted)):
            services.record_consultation(
                actor=expert,
                application=cases[key],
                held_on=date(2026, 2, consulted),
                summary="应诉策略",
            )
    act(date(2026, 3, 2), services.conclude_application, "A", outcome="settled")
    return cases


@pytest.fixture
def cases(personas):
    return build_spring_festival_cases(personas)


def everything():
    return Application.objects.all()


def test_working_days_skip_the_spring_festival_holiday():
    start = datetime(2026, 2, 13, 10, tzinfo=BEIJING)
    assert stats.working_days_between(start, datetime(2026, 2, 24, 9, tzinfo=BEIJING)) == 2


def test_it_counts_by_status_in_procedure_order(cases):
    counts = [(c.key, c.count) for c in stats.counts_by_status(everything())]
    assert counts == [
        ("submitted", 1),
        ("accepted", 1),
        ("in_guidance", 1),
        ("declined", 1),
        ("concluded", 1),
        ("withdrawn", 1),
    ]


def test_an_application_with_two_ip_types_counts_for_both(cases):
    counts = {c.key: c.count for c in stats.counts_by_ip_type(everything())}
    assert counts == {"patent": 6, "trademark": 1}


def test_it_counts_by_dispute_type_country_district_and_month(cases, personas):
    qs = everything()
    assert [(c.key, c.count) for c in stats.counts_by_dispute_type(qs)] == [("litigation", 6)]
    assert [(c.key, c.count) for c in stats.counts_by_country(qs)] == [("US", 6)]
    district = personas["chaoyang"].organization
    assert [(c.key, c.label, c.count) for c in stats.counts_by_district(qs)] == [
        (district.division_code, district.district, 6)
    ]
    assert [(c.key, c.count) for c in stats.counts_by_month(qs)] == [
        ("2026-02", 5),
        ("2026-03", 1),
    ]


def test_drafts_have_no_month(personas):
    build_application(actor=personas["chaoyang"], submit=False)
    assert stats.counts_by_month(everything()) == []


def test_median_working_days_are_counted_across_the_holiday(cases):
    summary = stats.summarize(everything())
    assert summary.median_to_acceptance == 2  # A 2, B 4, C 1
    assert summary.median_to_first_guidance == 5  # A 4 (26 Feb), B 6 (27 Feb)
    assert summary.median_to_conclusion == 7  # A: 14, 24–28 Feb (28th worked), 2 Mar


def test_sla_compliance_is_met_clocks_over_stopped_clocks(cases):
    rates = stats.sla_compliance(everything())
    # acceptance: A, C, D and the withdrawn E stopped in time, B late; F still runs
    assert (rates["acceptance"].met, rates["acceptance"].total) == (4, 5)
    assert (rates["assignment"].met, rates["assignment"].total) == (2, 2)
    assert (rates["first_guidance"].met, rates["first_guidance"].total) == (2, 2)


def test_the_monthly_acceptance_share_ignores_cases_withdrawn_before_a_decision(cases):
    by_month = stats.acceptance_rate_by_month(stats.case_facts(everything()))
    assert [(m, r.met, r.total) for m, r in by_month] == [("2026-02", 3, 4), ("2026-03", 0, 0)]
    assert by_month[0][1].share == 0.75
    assert by_month[1][1].share is None


def test_statistics_respect_the_queryset_given(cases):
    only_a = Application.objects.filter(pk=cases["A"].pk)
    assert stats.summarize(only_a).total == 1
    assert stats.summarize(Application.objects.none()).median_to_acceptance is None


def test_service_levels_cover_the_last_twelve_months_oldest_first(cases):
    levels = stats.monthly_service_levels(everything(), today=date(2026, 3, 15))
    assert [level.month for level in levels][:2] == ["2025-04", "2025-05"]
    assert levels[-1].month == "2026-03"
    february = levels[-2]
    assert february.applications == 5
    assert february.within_acceptance_sla == 0.75
    assert february.median_to_acceptance == 2
    # only two cases reached first guidance and one conclusion: too few to publish
    assert february.median_to_first_guidance is None
    assert february.median_to_conclusion is None
    assert levels[-1].suppressed  # one case in March


def test_the_panel_tag_renders_the_figures_in_constant_queries(
    cases, personas, django_assert_max_num_queries
):
    template = Template("{% load statistics_tags %}{% statistics_panel queryset %}")
    with django_assert_max_num_queries(12):
        html = template.render(Context({"queryset": everything()}))
    assert "75.0%" in html  # February's decisions within the SLA
    assert "4 / 5" in html  # acceptance clocks met


@pytest.mark.parametrize(
    ("value", "shown"), [(None, "—"), (0.988, "98.8%"), (1, "100.0%"), (0, "0.0%")]
)
def test_shares_are_shown_as_percentages(value, shown):
    from oipa.assistance.templatetags.statistics_tags import percent

    assert percent(value) == shown


@pytest.mark.parametrize(("value", "shown"), [(None, "—"), (2.0, "2"), (2.5, "2.5")])
def test_medians_drop_needless_decimals(value, shown):
    from oipa.assistance.templatetags.statistics_tags import days

    assert days(value) == shown
