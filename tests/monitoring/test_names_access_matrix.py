"""Who reaches the names pages and manual entry: every cell not allowed answers 404."""

from __future__ import annotations

from django.urls import reverse

from oipa.monitoring.models import EnterpriseAlias
from tests.access import Action, assert_access_matrix

ACTIONS = {
    "e": Action(url=lambda _o: reverse("monitoring:dispute_enter")),
    "w": Action(url=lambda _o: reverse("monitoring:names_upload", args=["watch-list"])),
    "a": Action(url=lambda _o: reverse("monitoring:names_upload", args=["aliases"])),
    "t": Action(url=lambda _o: reverse("monitoring:names_template", args=["aliases"])),
    "m": Action(url=lambda _o: reverse("monitoring:my_names")),
}
CENTER_READS = "wat"


def test_the_access_matrix_holds_for_the_names_pages(client, personas):
    users = {key: personas[key] for key in personas} | {"anonymous": None}
    allowed = {
        "staff": {"page": "e" + CENTER_READS},
        "admin": {"page": "e" + CENTER_READS},
        "auditor": {"page": CENTER_READS},
        "chaoyang": {"page": "m"},
        "haidian": {"page": "m"},
        "tianjin": {"page": "m"},
        "hebei": {"page": "m"},
    }
    checked = assert_access_matrix(
        client, users=users, objects={"page": None}, actions=ACTIONS, allowed=allowed
    )
    assert checked == len(users) * len(ACTIONS)


def test_the_own_names_page_costs_a_fixed_number_of_queries(
    client, personas, django_assert_max_num_queries
):
    organization = personas["chaoyang"].organization
    for index in range(20):
        EnterpriseAlias.objects.create(
            organization=organization, kind="store", name=f"Shop {index}"
        )
    client.force_login(personas["chaoyang"])
    with django_assert_max_num_queries(12):
        assert client.get(reverse("monitoring:my_names")).status_code == 200
