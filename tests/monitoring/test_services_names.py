"""Aliases and the watch list: who may change them, and what a load does."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from oipa.accounts.builders import make_uscc
from oipa.core.audit.models import AuditEvent
from oipa.monitoring import services
from oipa.monitoring.models import EnterpriseAlias, WatchedEnterprise

WATCH_LIST = (
    "name,name_en,uscc,brands,stores,seller_ids\n"
    f"北京云帆智造科技有限公司,Beijing Yunfan Zhizao Technology Co. Ltd.,"
    f"{make_uscc('110108', 'MA0YF0001')},YUNFAN,Yunfan Official Store,A2YUNFAN88\n"
    "天津某某材料有限公司,,,,,\n"
    "坏行,,91110000XXXXXXXX,,,\n"
    f"上海某某,,{make_uscc('310104', 'MA0AC0001')},,,\n"
)


def test_an_enterprise_admin_adds_an_alias_to_their_own_organization(personas):
    org = personas["chaoyang"].organization
    alias = services.add_alias(
        actor=personas["chaoyang"], organization=org, name="  Xinghe  Tech ", kind="brand"
    )
    assert (alias.organization, alias.name) == (org, "Xinghe Tech")
    assert AuditEvent.objects.filter(action="monitoring.alias_added").exists()


def test_nobody_else_but_center_staff_adds_aliases(personas):
    org = personas["chaoyang"].organization
    for persona in ("haidian", "auditor", "district"):
        with pytest.raises(PermissionDenied):
            services.add_alias(actor=personas[persona], organization=org, name="X", kind="brand")
    services.add_alias(actor=personas["staff"], organization=org, name="X", kind="brand")


def test_an_alias_needs_a_kind_and_is_recorded_once(personas):
    org = personas["chaoyang"].organization
    actor = personas["staff"]
    with pytest.raises(ValidationError):
        services.add_alias(actor=actor, organization=org, name="X", kind="legal")
    services.add_alias(actor=actor, organization=org, name="X", kind="domain")
    with pytest.raises(ValidationError):
        services.add_alias(actor=actor, organization=org, name="X", kind="domain")


def test_the_center_loads_a_watch_list_and_gets_the_bad_rows_back(personas):
    result = services.load_watch_list(actor=personas["staff"], file=WATCH_LIST.encode())
    assert (result.created, result.updated) == (2, 0)
    assert [row for row, _reason in result.errors] == [4, 5]
    yunfan = WatchedEnterprise.objects.get(name="北京云帆智造科技有限公司")
    assert yunfan.province_code == "11"
    assert set(yunfan.aliases.values_list("kind", "name")) == {
        ("brand", "YUNFAN"),
        ("store", "Yunfan Official Store"),
        ("seller_id", "A2YUNFAN88"),
    }


def test_loading_the_same_watch_list_again_updates_and_duplicates_nothing(personas):
    services.load_watch_list(actor=personas["staff"], file=WATCH_LIST.encode())
    again = services.load_watch_list(actor=personas["staff"], file=WATCH_LIST.encode())
    assert (again.created, again.updated) == (0, 2)
    assert WatchedEnterprise.objects.count() == 2
    assert EnterpriseAlias.objects.count() == 3


def test_only_center_staff_load_a_watch_list(personas):
    for persona in ("auditor", "chaoyang"):
        with pytest.raises(PermissionDenied):
            services.load_watch_list(actor=personas[persona], file=WATCH_LIST.encode())


def test_an_unreadable_watch_list_is_refused(personas):
    with pytest.raises(ValidationError):
        services.load_watch_list(actor=personas["staff"], file=b"brand\nX\n")
