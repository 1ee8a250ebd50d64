"""Who may open which expert page and API object: everyone else gets a 404, like a missing one."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oipa.experts import services
from tests.access import Action, assert_access_matrix


@pytest.fixture
def world(case, expert_profile, make_expert, staff, personas):
    other = make_expert("other", "周专家")
    invitation = services.invite_expert(actor=staff, application=case, profile=expert_profile)
    return {
        "users": {
            "anonymous": None,
            "staff": staff,
            "auditor": personas["auditor"],
            "expert": personas["expert"],
            "other_expert": other.user,
            "enterprise": personas["chaoyang"],
            "partner": personas["partner"],
            "institution": personas["institution"],
        },
        "objects": {"profile": expert_profile, "invitation": invitation, "case": case},
    }


def _profile_url(name):
    def url(obj):
        profile = obj if hasattr(obj, "user_id") and hasattr(obj, "max_concurrent_cases") else None
        code = profile.code if profile else "00000000-0000-0000-0000-000000000000"
        return reverse(name, args=[code])

    return url


def _invitation_url(name, api=False):
    def url(obj):
        code = getattr(obj, "code", None) if hasattr(obj, "decline_reason") else None
        code = code or "00000000-0000-0000-0000-000000000000"
        return reverse(name, args=[code]) if not api else reverse(name, kwargs={"code": code})

    return url


def _case_url(obj):
    code = obj.code if hasattr(obj, "applicant_id") else "00000000-0000-0000-0000-000000000000"
    return reverse("experts:case_panel", args=[code])


ACTIONS = {
    "v": Action(url=_profile_url("experts:profile_detail")),
    "e": Action(url=_profile_url("experts:profile_edit")),
    "p": Action(url=_case_url),
    "d": Action(
        url=_invitation_url("experts:invitation_decline"), method="post", allowed_status=(302,)
    ),
    "a": Action(url=_profile_url("api:expert-detail"), api=True),
    "i": Action(url=_invitation_url("api:expert-invitation-detail", api=True), api=True),
}


def test_expert_pages_and_api_answer_404_to_everyone_not_allowed(client, world):
    checked = assert_access_matrix(
        client,
        users=world["users"],
        objects=world["objects"],
        actions=ACTIONS,
        allowed={
            "staff": {"profile": "vea", "invitation": "i", "case": "p"},
            "auditor": {"profile": "va", "invitation": "i"},
            "expert": {"profile": "vea", "invitation": "di"},
        },
    )
    assert checked == 8 * 3 * 6
