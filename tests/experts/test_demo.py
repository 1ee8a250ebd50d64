"""The demo pool builds through the services, shows a conflict and an absence, and is idempotent."""

from __future__ import annotations

from oipa.assistance.demo import build_demo_cases
from oipa.experts.demo import build_demo
from oipa.experts.models import ExpertInvitation, ExpertProfile
from oipa.experts.recommend import recommend_for_case


def test_the_demo_pool_is_built_once_and_ranks_its_pending_case(personas):
    build_demo_cases(personas)
    assert build_demo(personas) == 15
    assert build_demo(personas) == 0
    assert ExpertProfile.objects.count() == 13
    invitation = ExpertInvitation.objects.get(status="pending")
    assert invitation.expert.user == personas["expert"]
    ranking = recommend_for_case(invitation.application)
    causes = {x.name: x.cause for x in ranking.excluded}
    assert causes["冯涛"] == "conflict"
    assert causes["郑丽"] == "unavailable"
    assert causes["钱专家"] == "on_case"
    assert ranking.recommended[0].name == "王磊"
