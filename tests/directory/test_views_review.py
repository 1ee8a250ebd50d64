"""Center staff review proposed changes over HTTP: the queue, the comparison, the decision."""

import pytest
from django.urls import reverse

from oipa.directory import services
from oipa.directory.builders import institution_details
from oipa.directory.models import ChangeStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def change(personas, own):
    return services.propose_institution_change(
        actor=personas["institution"],
        institution=own,
        details=institution_details(
            uscc=own.uscc,
            name_zh=own.name_zh,
            name_en=own.name_en,
            kind=own.kind,
            phone="010-9999 0000",
        ),
    )


def test_the_queue_lists_pending_changes_for_center_roles(client, personas, change):
    for key in ("staff", "auditor"):
        client.force_login(personas[key])
        response = client.get(reverse("directory:review_queue"))
        assert list(response.context["changes"]) == [change]
    for key in ("institution", "chaoyang", "expert"):
        client.force_login(personas[key])
        assert client.get(reverse("directory:review_queue")).status_code == 404


def test_the_change_page_compares_live_and_proposed_values(client, personas, change):
    client.force_login(personas["staff"])
    response = client.get(
        reverse("directory:change_detail", args=[change.code]), HTTP_ACCEPT_LANGUAGE="en"
    )
    rows = {row.label: row for row in response.context["rows"]}
    assert rows["phone"].live == "010-6500 1234"
    assert rows["phone"].proposed == "010-9999 0000"
    assert rows["phone"].changed
    assert "Approve and publish" in response.content.decode()


def test_approving_over_http_publishes_the_change(client, personas, own, change):
    client.force_login(personas["staff"])
    response = client.post(reverse("directory:change_approve", args=[change.code]))
    assert response["Location"] == reverse("directory:review_queue")
    own.refresh_from_db()
    assert own.phone == "010-9999 0000"
    again = client.post(
        reverse("directory:change_approve", args=[change.code]),
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert "already been reviewed" in again.content.decode()


def test_rejecting_needs_a_reason_and_the_institution_reads_it(client, personas, own, change):
    client.force_login(personas["staff"])
    url = reverse("directory:change_reject", args=[change.code])
    response = client.post(url, {"reason": ""}, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert "Tell the institution why" in response.content.decode()
    client.post(url, {"reason": "电话号码无法接通，请核实。"})
    change.refresh_from_db()
    assert change.status == ChangeStatus.REJECTED
    client.force_login(personas["institution"])
    page = client.get(
        reverse("directory:institution_detail", args=[own.code]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "电话号码无法接通，请核实。" in page.content.decode()


def test_institution_staff_and_auditors_cannot_decide(client, personas, change):
    for key in ("institution", "auditor"):
        client.force_login(personas[key])
        for name in ("directory:change_approve", "directory:change_reject"):
            response = client.post(reverse(name, args=[change.code]), {"reason": "x"})
            assert response.status_code == 404
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING
