"""Who can reach which event page, registration action and staff action (404 for the rest)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from oipa.training import services
from oipa.training.builders import build_event, build_registration, move_event
from tests.access import Action, assert_access_matrix

pytestmark = pytest.mark.django_db

USERS = ("chaoyang", "haidian", "staff", "auditor", "expert", "district", "partner")


def test_event_pages_are_open_to_members_and_staff_actions_to_staff_only(client, personas):
    events = {"event": build_event(actor=personas["staff"])}
    actions = {
        "r": Action(url=lambda e: reverse("training:event_detail", args=[e.code])),
        "i": Action(url=lambda e: reverse("training:event_invitation", args=[e.code])),
        "c": Action(
            url=lambda e: reverse("training:event_capacity", args=[e.code]),
            method="post",
            data=lambda e: {"capacity": 40},
            allowed_status=(302,),
        ),
    }
    users = {key: personas[key] for key in USERS} | {"anonymous": None}
    allowed = {key: {"event": "ri"} for key in USERS} | {"staff": {"event": "ric"}}

    assert (
        assert_access_matrix(client, users=users, objects=events, actions=actions, allowed=allowed)
        == 8 * 3
    )


def test_registrations_are_reachable_by_their_enterprise_and_the_center_only(client, personas):
    event = build_event(actor=personas["staff"], speakers=[personas["expert"]])
    own = build_registration(actor=personas["chaoyang"], event=event)
    other = build_registration(actor=personas["haidian"], event=event)
    move_event(event, timezone.now() - timedelta(hours=1))
    for registration in (own, other):
        services.record_attendance(
            actor=personas["staff"], registration=registration, attended=True
        )
    actions = {
        "p": Action(url=lambda r: reverse("training:certificate", args=[r.code])),
        "f": Action(
            url=lambda r: reverse("training:registration_feedback", args=[r.code]),
            method="post",
            data=lambda r: {"rating": "9"},  # invalid: the allowed answer is the form again
            allowed_status=(400,),
        ),
    }
    users = {key: personas[key] for key in USERS} | {"anonymous": None}
    allowed = {
        "chaoyang": {"own": "pf"},
        "haidian": {"other": "pf"},
        "staff": {"own": "pf", "other": "pf"},
        "auditor": {"own": "p", "other": "p"},
        "expert": {"own": "p", "other": "p"},  # the speaker sees the event's registrations
    }

    assert_access_matrix(
        client,
        users=users,
        objects={"own": own, "other": other},
        actions=actions,
        allowed=allowed,
    )


def test_the_api_lists_only_the_callers_registrations(client, personas, event):
    build_registration(actor=personas["chaoyang"], event=event)
    build_registration(actor=personas["haidian"], event=event)
    client.force_login(personas["chaoyang"])

    data = client.get(reverse("api:training-registration-list")).json()

    assert [r["organization"] for r in data["results"]] == [personas["chaoyang"].organization.name]
