"""Co-defendant groups: one dispute, or one plaintiff's disputes within 90 days, naming two or
more JJJ enterprises; and the staff page that shows them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from oipa.monitoring.groups import co_defendant_groups
from oipa.monitoring.models import MatchStatus, SourceKind, WatchedEnterprise
from tests.monitoring.dispute_builders import build_dispute, orgs

FILED = date(2026, 3, 2)


@pytest.fixture
def source(make_source):
    return make_source(SourceKind.PACER_RSS, "ilnd-rss", name="PACER RSS")


def test_one_dispute_naming_two_enterprises_is_a_group(source, personas):
    dispute = build_dispute(
        source, "1001", defendants=orgs(personas, "chaoyang", "haidian"), filed_on=FILED
    )
    [group] = co_defendant_groups()
    assert group.disputes == [dispute]
    assert {e.organization for e in group.enterprises} == set(orgs(personas, "chaoyang", "haidian"))
    assert group.plaintiff == "Acme Audio LLC"
    assert group.provinces == ["11"]
    assert not group.jjj


def test_a_dispute_naming_one_enterprise_is_no_group(source, personas):
    build_dispute(source, "1001", defendants=orgs(personas, "chaoyang"), filed_on=FILED)
    assert co_defendant_groups() == []


def test_matches_awaiting_review_do_not_count(source, personas):
    build_dispute(
        source,
        "1001",
        defendants=orgs(personas, "chaoyang", "haidian"),
        status=MatchStatus.REVIEW,
        filed_on=FILED,
    )
    assert co_defendant_groups() == []


def test_the_same_plaintiff_within_90_days_joins_disputes_into_one_group(source, personas):
    first = build_dispute(
        source,
        "1001",
        plaintiff="Acme Audio, LLC",
        defendants=orgs(personas, "chaoyang"),
        filed_on=FILED,
    )
    second = build_dispute(
        source,
        "1002",
        plaintiff="ACME AUDIO LLC",
        defendants=orgs(personas, "haidian"),
        filed_on=FILED + timedelta(days=90),
    )
    [group] = co_defendant_groups()
    assert group.disputes == [first, second]
    assert len(group.enterprises) == 2


def test_the_same_plaintiff_after_90_days_starts_afresh(source, personas):
    build_dispute(source, "1001", defendants=orgs(personas, "chaoyang"), filed_on=FILED)
    build_dispute(
        source, "1002", defendants=orgs(personas, "haidian"), filed_on=FILED + timedelta(days=91)
    )
    assert co_defendant_groups() == []


def test_different_plaintiffs_are_not_joined(source, personas):
    build_dispute(
        source, "1001", plaintiff="Acme", defendants=orgs(personas, "chaoyang"), filed_on=FILED
    )
    build_dispute(
        source, "1002", plaintiff="Zenith", defendants=orgs(personas, "haidian"), filed_on=FILED
    )
    assert co_defendant_groups() == []


def test_a_group_spanning_beijing_and_tianjin_or_hebei_is_jjj(source, personas):
    watched = WatchedEnterprise.objects.create(name="河北冀光照明有限公司", province_code="13")
    build_dispute(source, "1001", defendants=[*orgs(personas, "chaoyang"), watched], filed_on=FILED)
    [group] = co_defendant_groups()
    assert group.provinces == ["11", "13"]
    assert group.jjj
    assert group.registered == orgs(personas, "chaoyang")


def test_tianjin_and_hebei_without_beijing_are_not_jjj_joint_guidance(source, personas):
    build_dispute(source, "1001", defendants=orgs(personas, "tianjin", "hebei"), filed_on=FILED)
    [group] = co_defendant_groups()
    assert not group.jjj


def test_since_leaves_out_older_disputes(source, personas):
    build_dispute(source, "1001", defendants=orgs(personas, "chaoyang", "haidian"), filed_on=FILED)
    assert co_defendant_groups(since=FILED + timedelta(days=1)) == []
    assert len(co_defendant_groups(since=FILED)) == 1


def test_the_group_key_changes_when_a_dispute_joins(source, personas):
    build_dispute(source, "1001", defendants=orgs(personas, "chaoyang", "haidian"), filed_on=FILED)
    [before] = co_defendant_groups()
    build_dispute(source, "1002", defendants=orgs(personas, "tianjin"), filed_on=FILED)
    [after] = co_defendant_groups()
    assert before.key != after.key
    assert after.jjj


def test_staff_see_the_groups_page(client, source, personas):
    build_dispute(source, "1001", defendants=orgs(personas, "chaoyang", "tianjin"), filed_on=FILED)
    for persona in ("staff", "admin", "auditor"):
        client.force_login(personas[persona])
        page = client.get(reverse("monitoring:group_list"))
        assert page.status_code == 200
        assert "天津海港新材料有限公司" in page.content.decode()


def test_everyone_else_gets_404_on_the_groups_page(client, source, personas):
    for persona in ("chaoyang", "tianjin", "partner", "association", "expert"):
        client.force_login(personas[persona])
        assert client.get(reverse("monitoring:group_list")).status_code == 404
