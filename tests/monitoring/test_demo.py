"""The monitoring demo data: disputes, matches (one in the review band), alerts for the demo
enterprises, a co-defendant group and an incident; building it twice changes nothing."""

from __future__ import annotations

from oipa.monitoring.demo import build_demo
from oipa.monitoring.groups import co_defendant_groups
from oipa.monitoring.models import Alert, Dispute, Incident, MatchStatus, PartyMatch


def test_the_demo_shows_every_part_of_the_feature(personas):
    assert build_demo(personas) > 0
    assert Dispute.objects.count() == 5
    alerted = set(Alert.objects.values_list("organization__name", flat=True))
    assert {"北京星河智联科技有限公司", "天津海港新材料有限公司", "河北燕赵电器有限公司"} <= alerted
    assert PartyMatch.objects.filter(status=MatchStatus.REVIEW).exists()
    [group] = co_defendant_groups()
    assert group.jjj
    incident = Incident.objects.get()
    assert incident.disputes.get().dispute.external_id == "337-TA-4901"
    itc = Alert.objects.get(dispute__external_id="337-TA-4901")
    assert itc.deadline is not None


def test_the_demo_shows_a_docket_that_translates_a_chinese_only_name(personas):
    build_demo(personas)

    match = PartyMatch.objects.get(party__dispute__external_id="demo-edtx-2026-004")
    assert match.rule == "translated" and match.status == MatchStatus.CONFIDENT


def test_building_the_demo_again_creates_nothing(personas):
    build_demo(personas)
    counts = (Dispute.objects.count(), PartyMatch.objects.count(), Alert.objects.count())
    assert build_demo(personas) == 0
    assert counts == (Dispute.objects.count(), PartyMatch.objects.count(), Alert.objects.count())
    assert Incident.objects.count() == 1
