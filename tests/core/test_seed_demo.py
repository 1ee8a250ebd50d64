"""seed_demo creates one user per role (and the features' demo people) and can run again
without changing anything."""

import pytest
from django.core.management import call_command

from oipa.accounts.builders import PERSONAS
from oipa.accounts.models import Membership, Organization, User

pytestmark = pytest.mark.django_db


def test_it_is_idempotent_and_covers_every_role(capsys):
    call_command("seed_demo")
    counts = (User.objects.count(), Organization.objects.count(), Membership.objects.count())
    call_command("seed_demo")
    assert (
        User.objects.count(),
        Organization.objects.count(),
        Membership.objects.count(),
    ) == counts
    emails = set(User.objects.values_list("email", flat=True))
    assert {f"{local}@demo.oipa.cn" for local, *_rest in PERSONAS} <= emails
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {role for _l, _o, role, _n in PERSONAS}
    assert "admin@demo.oipa.cn" in capsys.readouterr().out


def test_it_loads_demo_cases_in_several_states_once():
    from oipa.assistance.models import Application

    call_command("seed_demo")
    first = sorted(Application.objects.values_list("status", flat=True))
    call_command("seed_demo")
    assert sorted(Application.objects.values_list("status", flat=True)) == first
    assert {"concluded", "draft", "in_guidance", "submitted"} <= set(first)


def test_its_enterprises_cover_two_beijing_districts_tianjin_and_hebei():
    call_command("seed_demo")
    enterprises = Organization.objects.filter(kind="enterprise")
    assert {o.province_code for o in enterprises} == {"11", "12", "13"}
    beijing = {o.district for o in enterprises if o.province_code == "11"}
    assert len(beijing) == 2
