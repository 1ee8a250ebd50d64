"""Organization pages and API: scoped by visible_to, hidden objects answer 404."""

import pytest
from django.urls import reverse

from oipa.accounts.models import Membership, Organization, Role
from tests.access import Action, assert_access_matrix

pytestmark = pytest.mark.django_db


def detail(org):
    return reverse("accounts:organization_detail", args=[org.code])


def api_detail(org):
    return reverse("api:organization-detail", args=[org.code])


def invite(org):
    return reverse("accounts:member_invite", args=[org.code])


ACTIONS = {
    "r": Action(url=detail),
    "a": Action(url=api_detail, api=True),
    # an empty invitation is refused by the form (400) where allowed, and hidden elsewhere (404)
    "w": Action(url=invite, method="post", data=lambda org: {}, allowed_status=(400,)),
}


def test_the_access_matrix_holds_for_organizations(client, personas):
    orgs = {key: personas[key].organization for key in ("chaoyang", "haidian", "district")}
    users = {
        key: personas[key]
        for key in (
            "admin",
            "staff",
            "auditor",
            "chaoyang",
            "haidian",
            "district",
            "partner",
            "expert",
        )
    }
    users["anonymous"] = None
    everything_read = {key: "ra" for key in orgs}
    allowed = {
        "admin": {key: "raw" for key in orgs},
        "staff": everything_read,
        "auditor": everything_read,
        "chaoyang": {"chaoyang": "raw"},
        "haidian": {"haidian": "raw"},
        "district": {"district": "ra"},
    }
    checked = assert_access_matrix(
        client, users=users, objects=orgs, actions=ACTIONS, allowed=allowed
    )
    assert checked == len(users) * len(orgs) * len(ACTIONS)


def test_it_answers_404_for_a_code_that_does_not_exist(client, personas):
    client.force_login(personas["admin"])
    response = client.get(
        reverse("accounts:organization_detail", args=["00000000-0000-0000-0000-000000000000"])
    )
    assert response.status_code == 404


def test_the_center_lists_every_organization_with_constant_queries(
    client, personas, django_assert_max_num_queries
):
    client.force_login(personas["staff"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("accounts:organization_list"))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == Organization.objects.count()


def test_an_enterprise_lists_only_itself(client, personas):
    client.force_login(personas["chaoyang"])
    response = client.get(reverse("accounts:organization_list"))
    assert [o.pk for o in response.context["page"]] == [personas["chaoyang"].organization.pk]


def test_the_list_filters_by_kind_and_returns_a_partial_to_htmx(client, personas):
    client.force_login(personas["staff"])
    response = client.get(
        reverse("accounts:organization_list"),
        {"kind": "enterprise"},
        headers={"HX-Request": "true"},
    )
    names = {o.kind for o in response.context["page"]}
    assert names == {"enterprise"}
    assert "<html" not in response.content.decode()


def test_the_api_lists_only_visible_organizations(client, personas):
    client.force_login(personas["haidian"])
    response = client.get(reverse("api:organization-list"))
    codes = [row["code"] for row in response.json()["results"]]
    assert codes == [str(personas["haidian"].organization.code)]


def test_the_api_tells_the_caller_who_they_are(client, personas):
    client.force_login(personas["expert"])
    data = client.get(reverse("api:me")).json()
    assert data["role"] == Role.EXPERT
    assert data["organization"]["kind"] == "service_institution"


def test_an_enterprise_admin_invites_a_colleague(
    client, personas, django_capture_on_commit_callbacks
):
    from django.core import mail

    client.force_login(personas["chaoyang"])
    org = personas["chaoyang"].organization
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            invite(org),
            {"full_name": "新同事", "email": "new@example.cn", "role": Role.ENTERPRISE_MEMBER},
        )
    assert response.status_code == 302
    assert Membership.objects.get(user__email="new@example.cn").organization == org
    assert mail.outbox[-1].to == ["new@example.cn"]


def test_an_enterprise_admin_cannot_create_center_staff(client, personas):
    client.force_login(personas["chaoyang"])
    org = personas["chaoyang"].organization
    response = client.post(
        invite(org), {"full_name": "x", "email": "x@example.cn", "role": Role.CENTER_STAFF}
    )
    assert response.status_code == 400
    assert not Membership.objects.filter(user__email="x@example.cn").exists()


def test_the_center_admin_creates_a_staff_account(client, personas):
    client.force_login(personas["admin"])
    center = personas["admin"].organization
    client.post(
        invite(center), {"full_name": "新专员", "email": "s2@example.cn", "role": Role.CENTER_STAFF}
    )
    membership = Membership.objects.get(user__email="s2@example.cn")
    assert membership.role == Role.CENTER_STAFF
    assert not membership.user.has_usable_password()


def test_it_deactivates_a_member_once(client, personas):
    client.force_login(personas["admin"])
    membership = personas["expert"].membership
    url = reverse("accounts:member_deactivate", args=[membership.organization.code, membership.pk])
    client.post(url)
    membership.refresh_from_db()
    assert not membership.is_active
    response = client.post(url, follow=True)
    assert any("inactive" in str(m) or "停用" in str(m) for m in response.context["messages"])


def test_the_center_admin_creates_a_district_office_by_district_name(client, personas):
    client.force_login(personas["admin"])
    response = client.post(
        reverse("accounts:organization_create"),
        {"kind": "district_office", "name": "北京市海淀区知识产权局", "district": "Haidian"},
    )
    assert response.status_code == 302
    organization = Organization.objects.get(name="北京市海淀区知识产权局")
    assert organization.division_code == "110108"


def test_only_the_center_admin_may_create_organizations(client, personas):
    client.force_login(personas["staff"])
    assert client.get(reverse("accounts:organization_create")).status_code == 404
