"""Who can read and edit which item, by UI and API: outsiders get 404 like for a missing item."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oipa.knowledge.builders import build_case
from tests.access import Action, assert_access_matrix

pytestmark = pytest.mark.django_db

ACTIONS = {
    "r": Action(url=lambda c: reverse("knowledge:case_detail", args=[c.code])),
    "a": Action(url=lambda c: reverse("api:knowledge-case-detail", args=[c.code]), api=True),
    # Editors always reach the edit page; a published item sends them back with a message.
    "e": Action(
        url=lambda c: reverse("knowledge:item_edit", args=["case", c.code]),
        allowed_status=(200, 302),
    ),
    "s": Action(
        url=lambda c: reverse("knowledge:item_transition", args=["case", c.code, "archive"]),
        method="post",
        allowed_status=(302,),
    ),
}


def test_the_access_matrix_holds_for_typical_cases(client, personas, editor):
    objects = {
        "draft": build_case(actor=editor, publish_it=False),
        "published": build_case(actor=editor),
    }
    readers = ("chaoyang", "partner", "district", "association", "institution", "expert")
    allowed = {key: {"published": "ra"} for key in readers}
    allowed["auditor"] = {"draft": "ra", "published": "ra"}
    allowed["staff"] = {"draft": "raes", "published": "raes"}
    allowed["admin"] = {"draft": "raes", "published": "raes"}
    users = {key: personas[key] for key in (*readers, "auditor", "staff", "admin")}
    checked = assert_access_matrix(
        client, users=users, objects=objects, actions=ACTIONS, allowed=allowed
    )
    assert checked == 9 * 2 * 4


def test_visitors_read_published_items_and_get_404_for_drafts(client, editor):
    draft, published = build_case(actor=editor, publish_it=False), build_case(actor=editor)
    assert client.get(reverse("knowledge:case_detail", args=[published.code])).status_code == 200
    assert client.get(reverse("knowledge:case_detail", args=[draft.code])).status_code == 404
    api = reverse("api:knowledge-case-detail", args=[draft.code])
    assert client.get(api).status_code == 404
    edit = reverse("knowledge:item_edit", args=["case", published.code])
    assert client.get(edit).status_code == 302  # to the login page
