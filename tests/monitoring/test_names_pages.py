"""Upload pages of the watch list and of registered enterprises' other names (staff), and the
enterprise's own page of monitored names."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from oipa.accounts.builders import build_member, make_uscc
from oipa.accounts.models import Role
from oipa.monitoring.models import EnterpriseAlias, WatchedEnterprise

CHAOYANG_USCC = make_uscc("110105", "MA01XK7A1")
ALIASES = (
    "uscc,brands,stores,seller_ids,domains\n"
    f"{CHAOYANG_USCC},XINGHE,XingheTech Store,A1XINGHE77,xinghe-tech.com\n"
    "91110000XXXXXXXX,BAD,,,\n"
    f"{make_uscc('110108', 'MA0QQ0001')},NOBODY,,,\n"
    f"{CHAOYANG_USCC},,,,\n"
)
WATCH_LIST = (
    "name,name_en,province_code,brands\n"
    "北京云帆智造科技有限公司,Beijing Yunfan Zhizao Technology Co. Ltd.,11,YUNFAN\n"
    "上海某某有限公司,,31,\n"
)


def upload(client, kind, text):
    url = reverse("monitoring:names_upload", args=[kind])
    file = SimpleUploadedFile(f"{kind}.csv", text.encode(), content_type="text/csv")
    return client.post(url, {"file": file}, HTTP_ACCEPT_LANGUAGE="en")


def test_staff_upload_aliases_and_see_each_bad_row_with_its_number(client, personas):
    client.force_login(personas["staff"])
    body = upload(client, "aliases", ALIASES).content.decode()
    names = set(
        EnterpriseAlias.objects.filter(organization=personas["chaoyang"].organization).values_list(
            "kind", "name"
        )
    )
    assert names == {
        ("brand", "XINGHE"),
        ("store", "XingheTech Store"),
        ("seller_id", "A1XINGHE77"),
        ("domain", "xinghe-tech.com"),
    }
    assert "4 names added" in body
    for row, reason in [
        (3, "not a valid unified social credit code"),
        (4, "no enterprise with this code is registered"),
        (5, "give at least one name"),
    ]:
        assert f"<td>{row}</td><td>uscc: {reason}" in body or reason in body


def test_uploading_the_same_aliases_again_adds_nothing(client, personas):
    client.force_login(personas["staff"])
    upload(client, "aliases", ALIASES)
    body = upload(client, "aliases", ALIASES).content.decode()
    assert "0 names added; 1 rows had nothing new" in body
    assert EnterpriseAlias.objects.count() == 4


def test_staff_upload_the_watch_list_with_its_documented_columns(client, personas):
    client.force_login(personas["staff"])
    page = client.get(reverse("monitoring:names_upload", args=["watch-list"]))
    assert b"province_code" in page.content and b"seller_ids" in page.content
    body = upload(client, "watch-list", WATCH_LIST).content.decode()
    assert "1 added, 0 updated." in body
    assert "province_code: only Beijing (11), Tianjin (12) or Hebei (13)" in body
    watched = WatchedEnterprise.objects.get()
    assert watched.aliases.get().name == "YUNFAN"


def test_an_unreadable_file_is_refused_and_nothing_changes(client, personas):
    client.force_login(personas["staff"])
    response = upload(client, "aliases", "brands\nXINGHE\n")
    assert response.status_code == 400
    assert "missing: uscc" in response.content.decode()
    assert not EnterpriseAlias.objects.exists()


def test_the_templates_download_with_their_columns(client, personas):
    client.force_login(personas["auditor"])
    for kind, column in (("watch-list", "province_code"), ("aliases", "seller_ids")):
        response = client.get(reverse("monitoring:names_template", args=[kind]))
        assert response["Content-Disposition"].startswith("attachment")
        assert column in response.content.decode("utf-8-sig").splitlines()[0]


def test_auditors_read_but_cannot_upload(client, personas):
    client.force_login(personas["auditor"])
    assert client.get(reverse("monitoring:names_upload", args=["aliases"])).status_code == 200
    assert upload(client, "aliases", ALIASES).status_code == 404
    assert not EnterpriseAlias.objects.exists()


@pytest.mark.parametrize("persona", ["chaoyang", "partner", "district", "expert"])
def test_everyone_outside_the_center_gets_404(client, personas, persona):
    client.force_login(personas[persona])
    for kind in ("aliases", "watch-list"):
        assert client.get(reverse("monitoring:names_upload", args=[kind])).status_code == 404
        assert client.get(reverse("monitoring:names_template", args=[kind])).status_code == 404
    assert upload(client, "aliases", ALIASES).status_code == 404


def test_an_unknown_list_is_404(client, personas):
    client.force_login(personas["staff"])
    assert client.get(reverse("monitoring:names_upload", args=["other"])).status_code == 404


def test_an_enterprise_admin_adds_its_own_store_name(client, personas):
    client.force_login(personas["chaoyang"])
    url = reverse("monitoring:my_names")
    response = client.post(url, {"kind": "store", "name": "XingheTech Store"})
    assert response.status_code == 302
    alias = EnterpriseAlias.objects.get()
    assert (alias.organization, alias.kind) == (personas["chaoyang"].organization, "store")
    page = client.get(url).content.decode()
    assert "XingheTech Store" in page and "北京星河智联科技有限公司" in page


def test_an_enterprise_sees_only_its_own_names(client, personas):
    EnterpriseAlias.objects.create(
        organization=personas["haidian"].organization, kind="brand", name="QINGYUAN"
    )
    client.force_login(personas["chaoyang"])
    assert "QINGYUAN" not in client.get(reverse("monitoring:my_names")).content.decode()


def test_a_member_who_is_not_the_administrator_cannot_add(client, personas):
    member = build_member(
        organization=personas["chaoyang"].organization,
        role=Role.ENTERPRISE_MEMBER,
        email="member@test.oipa.cn",
    )
    client.force_login(member)
    url = reverse("monitoring:my_names")
    assert client.get(url).status_code == 200
    assert client.post(url, {"kind": "brand", "name": "XINGHE"}).status_code == 404
    assert not EnterpriseAlias.objects.exists()


def test_a_duplicate_name_is_refused_with_a_message(client, personas):
    client.force_login(personas["chaoyang"])
    url = reverse("monitoring:my_names")
    client.post(url, {"kind": "brand", "name": "XINGHE"})
    response = client.post(url, {"kind": "brand", "name": "XINGHE"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "already recorded" in response.content.decode()


@pytest.mark.parametrize("persona", ["staff", "auditor", "partner", "expert"])
def test_the_own_names_page_is_only_for_enterprises(client, personas, persona):
    client.force_login(personas[persona])
    assert client.get(reverse("monitoring:my_names")).status_code == 404
