"""The pages over HTTP: pool, profile, case ranking and invite, desk, batch proposals."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oipa.assistance.models import CaseExpert
from oipa.experts import services
from oipa.experts.models import ExpertInvitation, ProposalStatus

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_the_pool_lists_experts_with_their_load_in_few_queries(
    client, staff, make_expert, django_assert_max_num_queries
):
    for i in range(12):
        make_expert(f"e{i}", f"专家{i}", jurisdictions=["US", "DE"], ipc_entries=["H04W"])
    client.force_login(staff)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("experts:pool"), **EN)
    assert response.status_code == 200
    assert response.content.decode().count("/experts/profiles/") == 12


def test_the_pool_filters_by_jurisdiction(client, staff, make_expert):
    make_expert("us", "美国专家", jurisdictions=["US"])
    make_expert("de", "德国专家", jurisdictions=["DE"])
    client.force_login(staff)
    body = client.get(reverse("experts:pool"), {"jurisdiction": "de"}).content.decode()
    assert "德国专家" in body and "美国专家" not in body


def test_a_bad_code_on_the_profile_form_is_shown_and_nothing_is_lost(
    client, expert_profile, personas
):
    client.force_login(personas["expert"])
    url = reverse("experts:profile_edit", args=[expert_profile.code])
    response = client.post(
        url,
        {"jurisdictions": "US XX", "years_of_experience": 5, "max_concurrent_cases": 3},
        **EN,
    )
    assert response.status_code == 400
    assert "Unknown code “XX”." in response.content.decode()
    expert_profile.refresh_from_db()
    assert expert_profile.years_of_experience == 12


def test_a_capacity_of_zero_on_the_form_is_refused(client, expert_profile, personas):
    client.force_login(personas["expert"])
    url = reverse("experts:profile_edit", args=[expert_profile.code])
    response = client.post(url, {"years_of_experience": 5, "max_concurrent_cases": 0}, **EN)
    assert response.status_code == 400
    assert "An expert takes at least one case at a time." in response.content.decode()


def test_the_case_panel_ranks_experts_with_reasons_and_exclusions(
    client, case, expert_profile, make_expert, staff
):
    make_expert("far", "远专家", jurisdictions=["JP"], ipc_entries=["A61K"])
    make_expert(
        "conflicted", "冲突专家", ipc_entries=["H04W"], conflicts=[("client", "ACME AUDIO, L.L.C.")]
    )
    client.force_login(staff)
    response = client.get(
        reverse("experts:case_panel", args=[case.code]), HTTP_HX_REQUEST="true", **EN
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("钱专家") < body.index("远专家")
    assert "H04W" in body and "English" in body
    assert "conflict of interest" in body and "冲突专家" in body


def test_the_case_page_loads_the_experts_panel_for_staff_only(client, case, staff, personas):
    client.force_login(staff)
    page = client.get(reverse("assistance:application_detail", args=[case.code])).content.decode()
    assert reverse("experts:case_panel", args=[case.code]) in page
    client.force_login(personas["chaoyang"])
    page = client.get(reverse("assistance:application_detail", args=[case.code])).content.decode()
    assert reverse("experts:case_panel", args=[case.code]) not in page


def test_staff_invite_a_lead_and_the_expert_accepts_on_the_desk(
    client, case, expert_profile, make_expert, staff, personas
):
    member = make_expert("m", "孙成员")
    client.force_login(staff)
    response = client.post(
        reverse("experts:case_invite", args=[case.code]),
        {"lead": str(expert_profile.code), "members": [str(member.code)]},
    )
    assert response.status_code == 302
    invitation = ExpertInvitation.objects.get(expert=expert_profile)
    assert invitation.role == "lead" and invitation.reason
    client.force_login(personas["expert"])
    desk = client.get(reverse("experts:desk"), **EN).content.decode()
    assert case.number in desk
    url = reverse("experts:invitation_accept", args=[invitation.code])
    assert client.post(url, {}).status_code == 302  # without the confirmation: refused
    assert not CaseExpert.objects.exists()
    response = client.post(url, {"no_conflict": "on"})
    assert response.url == reverse("assistance:application_detail", args=[case.code])
    assert CaseExpert.objects.get(expert=personas["expert"]).role == "lead"
    desk = client.get(reverse("experts:desk"), **EN).content.decode()
    assert reverse("assistance:application_detail", args=[case.code]) in desk


def test_the_expert_declines_with_a_reason(client, case, expert_profile, staff, personas):
    invitation = services.invite_expert(actor=staff, application=case, profile=expert_profile)
    client.force_login(personas["expert"])
    client.post(reverse("experts:invitation_decline", args=[invitation.code]), {"reason": "出国"})
    invitation.refresh_from_db()
    assert (invitation.status, invitation.decline_reason) == ("declined", "出国")


def test_the_expert_logs_hours_and_staff_see_them_per_year(
    client, case, expert_profile, staff, personas
):
    invitation = services.invite_expert(actor=staff, application=case, profile=expert_profile)
    services.accept_invitation(actor=personas["expert"], invitation=invitation, no_conflict=True)
    client.force_login(personas["expert"])
    client.post(
        reverse("experts:log_hours", args=[case.code]),
        {"worked_on": case.created_at.date().isoformat(), "hours": "3.5", "note": "电话会议"},
    )
    client.force_login(staff)
    body = client.get(reverse("experts:hours_report"), **EN).content.decode()
    assert "钱专家" in body and "3.5" in body


def test_staff_propose_review_and_confirm_a_batch(client, case, expert_profile, staff):
    client.force_login(staff)
    response = client.post(reverse("experts:batch"), {"team_size": 1})
    assert response.status_code == 302
    detail = client.get(response.url, **EN).content.decode()
    assert "钱专家" in detail and "Total match score" in detail
    code = response.url.rstrip("/").split("/")[-1]
    client.post(reverse("experts:proposal_confirm", args=[code]))
    from oipa.experts.models import AssignmentProposal

    assert AssignmentProposal.objects.get().status == ProposalStatus.CONFIRMED
    assert ExpertInvitation.objects.filter(application=case, role="lead").exists()


@pytest.mark.parametrize("name", ["experts:pool", "experts:batch", "experts:hours_report"])
def test_staff_pages_are_hidden_from_experts_and_enterprises(client, personas, name):
    for who in ("expert", "chaoyang"):
        client.force_login(personas[who])
        assert client.get(reverse(name)).status_code == 404


def test_the_desk_is_only_for_experts_with_a_profile(client, personas, staff):
    client.force_login(personas["expert"])
    assert client.get(reverse("experts:desk")).status_code == 404
    client.force_login(staff)
    assert client.get(reverse("experts:desk")).status_code == 404
