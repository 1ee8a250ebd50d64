"""The Center maintains the pool; experts keep their own profile current; bad input is refused."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from oipa.core.audit.models import AuditEvent
from oipa.experts import services
from oipa.experts.models import ExpertProfile, ProfileStatus


def test_staff_create_a_profile_with_expertise_given_as_codes(expert_profile):
    assert expert_profile.status == ProfileStatus.ACTIVE
    assert [e.symbol for e in expert_profile.ipc_entries.all()] == ["H04W"]
    assert [j.code for j in expert_profile.jurisdictions.all()] == ["US"]
    assert expert_profile.languages == ["zh", "en"]


def test_ipc_codes_are_normalized_to_the_known_level(personas, staff):
    profile = services.create_expert_profile(
        actor=staff, user=personas["expert"], category="technical_expert", ipc_entries=["h04w 4/00"]
    )
    assert [e.symbol for e in profile.ipc_entries.all()] == ["H04W"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ip_types", ["patents"]),
        ("dispute_types", ["duel"]),
        ("jurisdictions", ["XX"]),
        ("ipc_entries", ["ZZ99"]),
        ("nice_classes", [46]),
        ("industries", ["Z"]),
        ("languages", ["english"]),
    ],
)
def test_unknown_codes_are_refused_and_nothing_is_stored(personas, staff, field, value):
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.create_expert_profile(
            actor=staff, user=personas["expert"], category="ip_attorney", **{field: value}
        )
    assert field in caught.value.message_dict
    assert not ExpertProfile.objects.exists()


@pytest.mark.parametrize("capacity", [0, -1, "many"])
def test_a_capacity_below_one_is_refused(personas, staff, capacity):
    with pytest.raises(ValidationError) as caught:
        services.create_expert_profile(
            actor=staff,
            user=personas["expert"],
            category="volunteer",
            max_concurrent_cases=capacity,
        )
    assert "max_concurrent_cases" in caught.value.message_dict


def test_a_refused_update_keeps_the_stored_profile(expert_profile, personas):
    with pytest.raises(ValidationError):
        services.update_expert_profile(
            actor=personas["expert"],
            profile=expert_profile,
            jurisdictions=["DE"],
            max_concurrent_cases=0,
        )
    expert_profile.refresh_from_db()
    assert expert_profile.max_concurrent_cases == 3
    assert [j.code for j in expert_profile.jurisdictions.all()] == ["US"]


def test_the_expert_keeps_their_own_profile_current(expert_profile, personas):
    services.update_expert_profile(
        actor=personas["expert"],
        profile=expert_profile,
        jurisdictions=["US", "DE"],
        languages=["de"],
    )
    expert_profile.refresh_from_db()
    assert sorted(j.code for j in expert_profile.jurisdictions.all()) == ["DE", "US"]
    event = AuditEvent.objects.filter(action="experts.profile_updated").get()
    assert event.before["jurisdictions"] == ["US"]


def test_the_expert_cannot_change_their_own_category(expert_profile, personas):
    with pytest.raises(PermissionDenied):
        services.update_expert_profile(
            actor=personas["expert"], profile=expert_profile, category="national_expert"
        )


@pytest.mark.parametrize("who", ["chaoyang", "auditor", "institution", "partner"])
def test_only_center_staff_add_experts(personas, who):
    with pytest.raises(PermissionDenied):
        services.create_expert_profile(
            actor=personas[who], user=personas["expert"], category="ip_attorney"
        )


def test_a_person_without_an_expert_account_cannot_be_added(personas, staff):
    with pytest.raises(ValidationError):
        services.create_expert_profile(actor=staff, user=personas["chaoyang"], category="volunteer")


def test_an_invited_expert_joins_and_the_center_suspends_and_retires(personas, staff):
    profile = services.create_expert_profile(
        actor=staff, user=personas["expert"], category="volunteer", invite=True
    )
    assert profile.status == ProfileStatus.INVITED
    services.change_expert_status(actor=personas["expert"], profile=profile, status="active")
    services.change_expert_status(actor=staff, profile=profile, status="suspended")
    with pytest.raises(PermissionDenied):
        services.change_expert_status(actor=personas["expert"], profile=profile, status="active")
    services.change_expert_status(actor=staff, profile=profile, status="retired")
    with pytest.raises(ValidationError):
        services.change_expert_status(actor=staff, profile=profile, status="active")
    assert AuditEvent.objects.filter(action="experts.status_changed").count() == 3


def test_an_unavailability_cannot_end_before_it_starts(expert_profile, personas):
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.add_unavailability(
            actor=personas["expert"],
            profile=expert_profile,
            starts_on=date(2026, 5, 10),
            ends_on=date(2026, 5, 1),
        )
    assert caught.value.message_dict["ends_on"] == ["The period cannot end before it starts."]
    assert not expert_profile.unavailability.exists()
