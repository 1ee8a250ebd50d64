"""The API: the pool for Center staff, each expert's own invitations with accept/decline."""

from __future__ import annotations

from django.urls import reverse

from oipa.experts import services


def test_staff_list_the_pool_filtered_by_ipc(client, staff, expert_profile, make_expert):
    make_expert("chem", "化学专家", ipc_entries=["C07D"])
    client.force_login(staff)
    data = client.get(reverse("api:expert-list"), {"ipc": "H04"}).json()
    rows = data["results"] if isinstance(data, dict) else data
    assert [r["name"] for r in rows] == ["钱专家"]
    assert rows[0]["ipc_entries"] == ["H04W"] and rows[0]["load"] == 0


def test_an_expert_sees_only_their_own_profile_and_invitations(
    client, case, expert_profile, make_expert, staff, personas
):
    other = make_expert("other", "周专家")
    services.invite_expert(actor=staff, application=case, profile=other)
    mine = services.invite_expert(actor=staff, application=case, profile=expert_profile)
    client.force_login(personas["expert"])
    experts = client.get(reverse("api:expert-list")).json()
    invitations = client.get(reverse("api:expert-invitation-list")).json()
    experts = experts["results"] if isinstance(experts, dict) else experts
    invitations = invitations["results"] if isinstance(invitations, dict) else invitations
    assert [e["code"] for e in experts] == [str(expert_profile.code)]
    assert [i["code"] for i in invitations] == [str(mine.code)]


def test_the_expert_accepts_through_the_api(client, case, expert_profile, staff, personas):
    invitation = services.invite_expert(actor=staff, application=case, profile=expert_profile)
    client.force_login(personas["expert"])
    url = reverse("api:expert-invitation-accept", kwargs={"code": invitation.code})
    refused = client.post(url, {"no_conflict": False}, content_type="application/json")
    assert refused.status_code == 400
    response = client.post(url, {"no_conflict": True}, content_type="application/json")
    assert response.status_code == 200 and response.json()["status"] == "accepted"


def test_staff_cannot_answer_for_the_expert(client, case, expert_profile, staff):
    invitation = services.invite_expert(actor=staff, application=case, profile=expert_profile)
    client.force_login(staff)
    url = reverse("api:expert-invitation-decline", kwargs={"code": invitation.code})
    assert client.post(url, {"reason": "x"}, content_type="application/json").status_code == 403
