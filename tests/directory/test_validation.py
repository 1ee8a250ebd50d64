"""Bad input gets a clear message on its field, and nothing already stored is lost."""

from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError

from oipa.directory import services
from oipa.directory.builders import institution_details, mediation_details
from oipa.directory.listing import InstitutionDetails
from oipa.directory.models import Institution, ListingChange, MediationBody

pytestmark = pytest.mark.django_db


def errors_of(call) -> dict:
    with pytest.raises(ValidationError) as exc:
        call()
    return exc.value.message_dict


def test_an_invalid_uscc_is_refused_with_a_message(personas):
    errors = errors_of(
        lambda: services.create_institution(
            actor=personas["staff"], details=institution_details(uscc="91110105MA01XK7A1X")
        )
    )
    assert errors["uscc"]
    assert not Institution.objects.exists()


def test_a_uscc_with_a_wrong_check_digit_is_refused(personas):
    valid = institution_details().uscc
    wrong = valid[:-1] + ("0" if valid[-1] != "0" else "1")
    errors = errors_of(
        lambda: services.create_institution(
            actor=personas["staff"], details=institution_details(uscc=wrong)
        )
    )
    assert "uscc" in errors


def test_a_uscc_is_normalized(personas):
    valid = institution_details().uscc
    spaced = f" {valid[:6].lower()} {valid[6:]} "
    institution = services.create_institution(
        actor=personas["staff"], details=institution_details(uscc=spaced)
    )
    assert institution.uscc == valid


def test_unknown_country_codes_are_named(personas):
    errors = errors_of(
        lambda: services.create_institution(
            actor=personas["staff"], details=institution_details(countries=("US", "XX", "ZZ"))
        )
    )
    assert errors["countries"] == ["Unknown country or office codes: XX, ZZ."]


def test_unknown_partner_countries_services_and_languages_are_refused(personas):
    errors = errors_of(
        lambda: services.create_institution(
            actor=personas["staff"],
            details=institution_details(
                services=("litigation", "astrology"),
                languages=("zh", "xx"),
                partners=(("Some Firm", "QQ"),),
            ),
        )
    )
    assert errors["services"] == ["Unknown services: astrology."]
    assert errors["languages"] == ["Unknown languages: xx."]
    assert "QQ" in errors["partners"][0]


@pytest.mark.parametrize(
    "field, value",
    [
        ("name_zh", "<script>alert(1)</script>律所"),
        ("name_en", "Firm <b>bold</b>"),
        ("description", 'Good firm <img src=x onerror="alert(1)">'),
        ("address", "北京 &lt;b&gt;"),
    ],
)
def test_html_in_text_is_refused(personas, field, value):
    errors = errors_of(
        lambda: services.create_institution(
            actor=personas["staff"], details=institution_details(**{field: value})
        )
    )
    assert errors[field] == ["Use plain text: HTML tags and entities are not allowed."]


def test_text_with_angle_brackets_that_is_not_markup_is_kept(personas):
    institution = services.create_institution(
        actor=personas["staff"],
        details=institution_details(description="费用 < 10万元，周期 > 3个月"),
    )
    assert institution.description == "费用 < 10万元，周期 > 3个月"


def test_a_bad_proposal_changes_nothing_stored(personas, own):
    live = InstitutionDetails.of(own)
    errors = errors_of(
        lambda: services.propose_institution_change(
            actor=personas["institution"],
            institution=own,
            details=replace(live, countries=("US", "XX")),
        )
    )
    assert "countries" in errors
    assert not ListingChange.objects.exists()
    own.refresh_from_db()
    assert InstitutionDetails.of(own) == live


def test_a_uscc_taken_by_another_listing_is_refused(personas, own, other):
    errors = errors_of(
        lambda: services.update_institution(
            actor=personas["staff"],
            institution=other,
            details=replace(InstitutionDetails.of(other), uscc=own.uscc),
        )
    )
    assert errors["uscc"] == ["Another listing already has this USCC."]


def test_bad_contact_details_are_refused(personas):
    errors = errors_of(
        lambda: services.create_institution(
            actor=personas["staff"],
            details=institution_details(email="not-an-email", website="javascript:alert(1)"),
        )
    )
    assert errors["email"] == ["Enter a valid email address."]
    assert errors["website"] == ["Enter a web address starting with http:// or https://."]


def test_a_mediation_body_with_unknown_dispute_types_is_refused(personas):
    errors = errors_of(
        lambda: services.create_mediation_body(
            actor=personas["staff"],
            details=mediation_details(dispute_types=("arbitration", "duel"), jurisdictions=("XX",)),
        )
    )
    assert errors["dispute_types"] == ["Unknown dispute types: duel."]
    assert errors["jurisdictions"] == ["Unknown country or office codes: XX."]
    assert not MediationBody.objects.exists()


def test_a_name_is_required(personas):
    errors = errors_of(
        lambda: services.create_institution(
            actor=personas["staff"], details=institution_details(name_zh="   ")
        )
    )
    assert errors["name_zh"] == ["This field is required."]
