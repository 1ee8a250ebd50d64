"""Two staff inviting the same expert at once never take them past their capacity."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from oipa.assistance import services as assistance
from oipa.assistance.builders import build_application
from oipa.assistance.models import CaseExpert
from oipa.experts import services
from oipa.experts.builders import build_expert
from oipa.experts.models import ExpertInvitation, ExpertProfile
from oipa.experts.recommend import expert_loads


def test_a_stale_profile_read_by_two_staff_still_respects_capacity(
    make_case, make_expert, staff, other_staff
):
    solo = make_expert("solo", "孙专家", max_concurrent_cases=1)
    first_view, second_view = (ExpertProfile.objects.get(pk=solo.pk) for _ in range(2))
    services.invite_expert(actor=staff, application=make_case(), profile=first_view)
    with pytest.raises(ValidationError) as caught:
        services.invite_expert(actor=other_staff, application=make_case(), profile=second_view)
    assert caught.value.code == "capacity"
    assert expert_loads([solo]) == {solo.pk: 1}


def test_accepting_past_a_lowered_capacity_is_refused(make_case, make_expert, staff):
    expert = make_expert("busy", "钱忙", max_concurrent_cases=2)
    first = services.invite_expert(actor=staff, application=make_case(), profile=expert)
    second = services.invite_expert(actor=staff, application=make_case(), profile=expert)
    services.accept_invitation(actor=expert.user, invitation=first, no_conflict=True)
    services.update_expert_profile(actor=staff, profile=expert, max_concurrent_cases=1)
    with pytest.raises(ValidationError) as caught:
        services.accept_invitation(actor=expert.user, invitation=second, no_conflict=True)
    assert caught.value.code == "capacity"
    assert CaseExpert.objects.filter(expert=expert.user).count() == 1


@pytest.fixture
def other_staff(personas):
    from oipa.accounts.builders import build_member
    from oipa.accounts.models import Role

    return build_member(
        organization=personas["staff"].membership.organization,
        role=Role.CENTER_STAFF,
        email="other-staff@test.oipa.cn",
    )


def _race(calls):
    """Run the calls in threads released together; the outcome of each (None or the error)."""
    barrier = threading.Barrier(len(calls))
    outcomes: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
        except Exception as exc:  # noqa: BLE001 — the test inspects what each thread got
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_staff_inviting_at_once_on_postgresql_never_exceed_capacity(personas, other_staff):
    from oipa.core.taxonomy.loader import sync_reference_data

    sync_reference_data()
    staff = personas["staff"]
    cases = [
        assistance.accept_application(
            actor=staff, application=build_application(actor=personas["chaoyang"])
        )
        for _ in range(4)
    ]
    solo = build_expert(
        actor=staff, email="solo@test.oipa.cn", full_name="孙专家", max_concurrent_cases=2
    )
    outcomes = _race(
        [
            lambda c=case, s=actor: services.invite_expert(actor=s, application=c, profile=solo)
            for case, actor in zip(cases, [staff, other_staff, staff, other_staff], strict=True)
        ]
    )
    refused = [o for o in outcomes if o is not None]
    assert len(refused) == 2, outcomes
    assert all(isinstance(o, ValidationError) and o.code == "capacity" for o in refused)
    assert ExpertInvitation.objects.filter(expert=solo).count() == 2
