"""The quality directory of a year: prepared by the Center, published as a dated list."""

import datetime
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from oipa.directory import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(personas, own, other):
    for institution in (own, other):
        services.add_to_quality_directory(
            actor=personas["staff"], institution=institution, year=2025
        )
    return services.publish_quality_directory(
        actor=personas["staff"], year=2025, published_on=datetime.date(2025, 6, 30)
    )


def test_a_published_year_cannot_change(personas, own, published):
    assert published.published_on == datetime.date(2025, 6, 30)
    with pytest.raises(ValidationError, match="already published"):
        services.add_to_quality_directory(actor=personas["staff"], institution=own, year=2025)
    with pytest.raises(ValidationError, match="already published"):
        services.publish_quality_directory(actor=personas["staff"], year=2025)
    with pytest.raises(ValidationError):
        services.remove_from_quality_directory(actor=personas["staff"], institution=own, year=2025)


def test_only_center_staff_prepare_the_directory(personas, own):
    for key in ("institution", "auditor", "chaoyang"):
        with pytest.raises(PermissionDenied):
            services.add_to_quality_directory(actor=personas[key], institution=own, year=2026)


def test_an_empty_year_cannot_be_published_and_years_are_checked(personas, own):
    with pytest.raises(ValidationError, match="no institutions"):
        services.publish_quality_directory(actor=personas["staff"], year=2026)
    with pytest.raises(ValidationError):
        services.add_to_quality_directory(actor=personas["staff"], institution=own, year=1999)


def test_an_entry_can_be_removed_before_publication(personas, own):
    services.add_to_quality_directory(actor=personas["staff"], institution=own, year=2026)
    with pytest.raises(ValidationError, match="already in"):
        services.add_to_quality_directory(actor=personas["staff"], institution=own, year=2026)
    services.remove_from_quality_directory(actor=personas["staff"], institution=own, year=2026)
    assert not own.quality_entries.exists()


def test_the_year_page_lists_the_institutions_with_the_date(client, published, own, other):
    response = client.get(reverse("directory:quality_year", args=[2025]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Published on 2025-06-30." in text
    assert own.name_zh in text and other.name_zh in text


def test_the_excel_download_holds_the_dated_list(client, published, own, other):
    response = client.get(
        reverse("directory:quality_excel", args=[2025]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="quality-directory-2025.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == ("Directory of quality foreign-related IP service institutions, 2025")
    assert rows[1][0] == "Published on 2025-06-30"
    assert rows[2][:4] == ("No.", "Chinese name", "English name", "USCC")
    body = sorted(rows[3:], key=lambda r: r[0])
    assert [r[0] for r in body] == [1, 2]
    by_name = {r[1]: r for r in body}
    row = by_name["北京德衡国际知识产权律师事务所"]
    assert row[3] == other.uscc
    assert row[4] == "Law firm"
    assert row[5] == "Overseas IP litigation; Customs recordation and seizures"
    assert row[6] == "DE; EU"
    assert row[8] == "Hoffmann Eitle (DE)"
    assert by_name[own.name_zh][2] == "Huaxia Foreign-related IP Agency (Beijing)"


def test_a_withdrawn_listing_leaves_the_published_list(client, personas, published, other):
    services.withdraw_institution(actor=personas["staff"], institution=other, reason="停业")
    sheet = load_workbook(
        BytesIO(client.get(reverse("directory:quality_excel", args=[2025])).content)
    ).active
    names = [row[1] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert other.name_zh not in names


def test_a_year_in_preparation_is_hidden_from_the_public(client, personas, own):
    services.add_to_quality_directory(actor=personas["staff"], institution=own, year=2026)
    for name in ("directory:quality_year", "directory:quality_excel"):
        assert client.get(reverse(name, args=[2026])).status_code == 404
    client.force_login(personas["chaoyang"])
    assert client.get(reverse("directory:quality_year", args=[2026])).status_code == 404
    client.force_login(personas["auditor"])
    assert client.get(reverse("directory:quality_year", args=[2026])).status_code == 200


def test_center_staff_publish_a_year_from_its_page(client, personas, own):
    services.add_to_quality_directory(actor=personas["staff"], institution=own, year=2026)
    client.force_login(personas["institution"])
    assert client.post(reverse("directory:quality_publish", args=[2026])).status_code == 404
    client.force_login(personas["staff"])
    response = client.post(reverse("directory:quality_publish", args=[2026]))
    assert response.status_code == 302
    own.quality_entries.get().edition.refresh_from_db()
    assert own.quality_entries.get().edition.published_on is not None


def test_the_quality_year_filter_finds_members_of_published_years(client, published, own):
    response = client.get(reverse("directory:institution_list"), {"quality_year": 2025})
    assert list(response.context["page"]) and own in list(response.context["page"])
    response = client.get(reverse("directory:institution_list"), {"quality_year": 2024})
    assert list(response.context["page"]) == []
