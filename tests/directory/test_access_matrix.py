"""Who can open which listing page, edit form, change page and API record."""

import pytest
from django.urls import reverse

from oipa.directory import services
from oipa.directory.builders import institution_details
from tests.access import Action, assert_access_matrix

pytestmark = pytest.mark.django_db

PAGES = {
    "r": Action(url=lambda i: reverse("directory:institution_detail", args=[i.code])),
    "a": Action(url=lambda i: reverse("api:directory-institution-detail", args=[i.code]), api=True),
}
MAINTAIN = {
    "e": Action(url=lambda i: reverse("directory:institution_edit", args=[i.code])),
    "c": Action(url=lambda i: reverse("directory:change_detail", args=[i.changes.first().code])),
}


@pytest.fixture
def listings(personas, own, other):
    """The persona institution's listing (with a pending change) and another firm's."""
    services.propose_institution_change(
        actor=personas["institution"],
        institution=own,
        details=institution_details(uscc=own.uscc, phone="1"),
    )
    return {"own": own, "other": other}


USERS = (
    "institution",
    "staff",
    "admin",
    "auditor",
    "chaoyang",
    "expert",
    "partner",
    "district",
    "association",
)


def test_listed_institutions_are_readable_by_everyone(client, personas, listings):
    users = {key: personas[key] for key in USERS}
    users["anonymous"] = None
    everyone = {"own": "ra", "other": "ra"}
    checked = assert_access_matrix(
        client,
        users=users,
        objects=listings,
        actions=PAGES,
        allowed={key: everyone for key in users},
    )
    assert checked == len(users) * 2 * 2


def test_only_maintainers_open_the_edit_form_and_changes(client, personas, listings):
    users = {key: personas[key] for key in USERS}
    objects = {"own": listings["own"]}
    allowed = {
        "institution": {"own": "ec"},
        "staff": {"own": "ec"},
        "admin": {"own": "ec"},
        "auditor": {"own": "c"},
    }
    assert_access_matrix(client, users=users, objects=objects, actions=MAINTAIN, allowed=allowed)


def test_an_unreviewed_listing_is_hidden_from_all_but_its_institution_and_the_center(
    client, personas
):
    new = services.propose_institution(
        actor=personas["institution"],
        details=institution_details(uscc=personas["institution"].organization.uscc),
    ).institution
    users = {key: personas[key] for key in USERS}
    allowed = {key: {"new": "ra"} for key in ("institution", "staff", "admin", "auditor")}
    # Visitors are sent to no login here: the page is public, so a hidden one answers 404.
    assert_access_matrix(client, users=users, objects={"new": new}, actions=PAGES, allowed=allowed)
    client.logout()
    assert client.get(PAGES["r"].url(new)).status_code == 404
    assert client.get(PAGES["a"].url(new)).status_code == 404
