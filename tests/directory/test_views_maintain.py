"""Institution staff edit only their own listing, as a proposal; Center staff edit directly."""

import pytest
from django.urls import reverse

from oipa.directory.forms import InstitutionForm
from oipa.directory.listing import InstitutionDetails
from oipa.directory.models import ChangeStatus, Institution, ListingChange, ListingStatus

pytestmark = pytest.mark.django_db


def form_data(institution, **changes) -> dict:
    data = InstitutionForm.initial_for(InstitutionDetails.of(institution))
    data.update(changes)
    return {key: value for key, value in data.items() if value not in (None, [], ())}


def edit_url(institution) -> str:
    return reverse("directory:institution_edit", args=[institution.code])


def test_institution_staff_propose_a_change_to_their_listing(client, personas, own):
    client.force_login(personas["institution"])
    response = client.post(
        edit_url(own),
        form_data(own, phone="010-9999 0000", countries="US, JP, KR"),
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "review before going live" in text
    change = ListingChange.objects.get()
    assert change.status == ChangeStatus.PENDING
    assert change.data["countries"] == ["JP", "KR", "US"]
    own.refresh_from_db()
    assert own.phone == "010-6500 1234"
    public = client.get(reverse("directory:institution_detail", args=[own.code]))
    assert "010-6500 1234" in public.content.decode()


def test_the_edit_form_shows_the_pending_proposal_to_its_institution(client, personas, own):
    client.force_login(personas["institution"])
    client.post(edit_url(own), form_data(own, phone="010-9999 0000"))
    response = client.get(edit_url(own), HTTP_ACCEPT_LANGUAGE="en")
    assert response.context["form"].initial["phone"] == "010-9999 0000"
    assert "already have a change waiting" in response.content.decode()


def test_institution_staff_cannot_open_another_listing_for_editing(client, personas, other):
    client.force_login(personas["institution"])
    assert client.get(edit_url(other)).status_code == 404
    assert client.post(edit_url(other), form_data(other, phone="1")).status_code == 404
    assert not ListingChange.objects.exists()


@pytest.mark.parametrize("who", ["chaoyang", "expert", "auditor", "district", "partner"])
def test_others_cannot_edit_any_listing(client, personas, own, who):
    client.force_login(personas[who])
    assert client.get(edit_url(own)).status_code == 404


def test_center_staff_correct_a_listing_directly(client, personas, other):
    client.force_login(personas["staff"])
    response = client.post(edit_url(other), form_data(other, phone="010-1111 2222"))
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.phone == "010-1111 2222"
    assert not ListingChange.objects.exists()


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"uscc": "91110105MA01XK7A1X"}, "uscc", None),
        ({"countries": "US, XX"}, "countries", "Unknown country or office codes: XX."),
        (
            {"name_en": "<b>Bold</b> firm"},
            "name_en",
            "Use plain text: HTML tags and entities are not allowed.",
        ),
        (
            {"partners": "Firm without a country"},
            "partners",
            "Line 1: write the firm&#x27;s name, a comma and its country code.",
        ),
    ],
)
def test_bad_input_is_shown_on_the_field_and_nothing_is_stored(
    client, personas, own, changes, field, message
):
    client.force_login(personas["institution"])
    response = client.post(edit_url(own), form_data(own, **changes), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    if message:
        assert message in response.content.decode()
    assert not ListingChange.objects.exists()


def test_my_listing_leads_institution_staff_to_their_listing_or_the_form(client, personas):
    client.force_login(personas["institution"])
    response = client.get(reverse("directory:my_listing"))
    assert response["Location"] == reverse("directory:institution_create")
    data = {
        "name_zh": "北京华夏涉外知识产权代理有限公司",
        "kind": "patent_agency",
        "countries": "US",
        "services": ["filing"],
        "languages": ["zh", "en"],
    }
    response = client.post(reverse("directory:institution_create"), data)
    institution = Institution.objects.get()
    assert institution.status == ListingStatus.NEW
    assert institution.organization == personas["institution"].organization
    response = client.get(reverse("directory:my_listing"))
    assert response["Location"] == reverse("directory:institution_detail", args=[institution.code])


def test_enterprises_cannot_create_listings(client, personas):
    client.force_login(personas["chaoyang"])
    assert client.get(reverse("directory:institution_create")).status_code == 404
    assert client.get(reverse("directory:my_listing")).status_code == 404


def test_center_staff_add_a_live_listing(client, personas):
    client.force_login(personas["staff"])
    data = {"name_zh": "北京某知识产权咨询有限公司", "kind": "consultancy", "countries": "vn, th"}
    response = client.post(reverse("directory:institution_create"), data)
    institution = Institution.objects.get()
    assert response.status_code == 302
    assert institution.status == ListingStatus.LISTED
    assert sorted(j.code for j in institution.countries.all()) == ["TH", "VN"]


def test_center_staff_withdraw_and_reinstate_from_the_page(client, personas, other):
    client.force_login(personas["institution"])
    url = reverse("directory:institution_withdraw", args=[other.code])
    assert client.post(url, {"reason": "x"}).status_code == 404
    client.force_login(personas["staff"])
    client.post(url, {"reason": "执业许可过期"})
    other.refresh_from_db()
    assert other.status == ListingStatus.WITHDRAWN
    client.post(reverse("directory:institution_reinstate", args=[other.code]))
    other.refresh_from_db()
    assert other.status == ListingStatus.LISTED


def test_center_staff_enter_a_listing_in_a_quality_year(client, personas, other):
    client.force_login(personas["staff"])
    url = reverse("directory:quality_entry_add", args=[other.code])
    client.post(url, {"year": "2026"})
    assert list(other.quality_entries.values_list("edition__year", flat=True)) == [2026]
    response = client.post(url, {"year": "abc"}, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert "Give a year between 2000 and 2100." in response.content.decode()


def test_center_staff_link_the_organization_that_maintains_a_listing(client, personas, other):
    organization = personas["institution"].organization
    url = reverse("directory:institution_link", args=[other.code])
    client.force_login(personas["institution"])
    assert client.post(url, {"organization": organization.pk}).status_code == 404
    client.force_login(personas["staff"])
    client.post(url, {"organization": organization.pk})
    other.refresh_from_db()
    assert other.organization == organization
    client.force_login(personas["institution"])
    assert client.get(edit_url(other)).status_code == 200


def test_an_organization_maintains_one_listing_and_only_institutions_link(
    client, personas, own, other
):
    client.force_login(personas["staff"])
    url = reverse("directory:institution_link", args=[other.code])
    response = client.post(
        url,
        {"organization": personas["institution"].organization.pk},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert "already has a listing" in response.content.decode()
    response = client.post(
        url,
        {"organization": personas["chaoyang"].organization.pk},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert "Choose a service institution organization." in response.content.decode()
    other.refresh_from_db()
    assert other.organization is None
