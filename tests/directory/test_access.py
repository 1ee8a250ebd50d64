"""Who sees which listing: the public sees listed ones; the owner and the Center see more."""

import pytest
from django.http import Http404

from oipa.directory import services
from oipa.directory.access import get_change_for_user, get_institution_for_user
from oipa.directory.builders import institution_details
from oipa.directory.models import Institution, MediationBody

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_listing(personas):
    """A listing proposed by the persona institution, waiting for its first review."""
    return services.propose_institution(
        actor=personas["institution"],
        details=institution_details(uscc=personas["institution"].organization.uscc),
    ).institution


def visible(user, institution) -> bool:
    return Institution.objects.visible_to(user).filter(pk=institution.pk).exists()


def test_visitors_and_enterprises_see_only_listed_institutions(
    personas, new_listing, other, django_user_model
):
    from django.contrib.auth.models import AnonymousUser

    services.withdraw_institution(actor=personas["staff"], institution=other, reason="停业")
    for user in (AnonymousUser(), personas["chaoyang"], personas["expert"], personas["partner"]):
        assert not visible(user, new_listing)
        assert not visible(user, other)


def test_the_institution_sees_its_own_unreviewed_listing(personas, new_listing):
    assert visible(personas["institution"], new_listing)


def test_center_roles_see_every_listing(personas, new_listing, other):
    services.withdraw_institution(actor=personas["staff"], institution=other, reason="停业")
    for key in ("staff", "admin", "auditor"):
        assert visible(personas[key], new_listing)
        assert visible(personas[key], other)


def test_only_maintainers_get_a_listing_for_writing(personas, own, other):
    assert get_institution_for_user(personas["institution"], own.code, write=True) == own
    assert get_institution_for_user(personas["staff"], other.code, write=True) == other
    assert get_institution_for_user(personas["chaoyang"], own.code) == own
    for user, listing in [
        (personas["institution"], other),
        (personas["expert"], own),
        (personas["auditor"], own),
        (personas["chaoyang"], own),
    ]:
        with pytest.raises(Http404):
            get_institution_for_user(user, listing.code, write=True)


def test_a_change_is_visible_to_its_institution_and_the_center_only(personas, own):
    change = services.propose_institution_change(
        actor=personas["institution"],
        institution=own,
        details=institution_details(uscc=own.uscc, phone="1"),
    )
    for key in ("institution", "staff", "auditor"):
        assert get_change_for_user(personas[key], change.code) == change
    for key in ("chaoyang", "expert", "district"):
        with pytest.raises(Http404):
            get_change_for_user(personas[key], change.code)


def test_withdrawn_bodies_are_hidden_from_the_public(personas, body):
    services.withdraw_mediation_body(actor=personas["staff"], body=body)
    assert not MediationBody.objects.visible_to(personas["chaoyang"]).exists()
    assert MediationBody.objects.visible_to(personas["auditor"]).get() == body
