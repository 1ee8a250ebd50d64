"""The guided application form: optional fields, dispute-specific fields, parties."""

import pytest

from oipa.assistance.forms import ApplicationForm, party_formset

pytestmark = pytest.mark.django_db


def test_it_drops_the_hearing_date_and_case_numbers_of_a_warning_letter():
    form = ApplicationForm({"dispute_type": "warning_letter"})
    assert "hearing_on" not in form.fields
    assert "case_numbers" not in form.fields
    assert "served_on" in form.fields


def test_it_asks_every_court_field_while_no_dispute_type_is_chosen():
    form = ApplicationForm(initial={})
    names = [field.name for field in form.dispute_fields()]
    assert names == ["forum", "case_numbers", "served_on", "hearing_on", "response_deadline"]


def test_it_ignores_a_hearing_date_posted_for_a_warning_letter():
    form = ApplicationForm({"dispute_type": "warning_letter", "hearing_on": "2031-01-01"})
    assert form.is_valid(), form.errors
    assert "hearing_on" not in form.draft_fields()


def test_it_splits_ipc_codes_on_commas_but_keeps_spaces_inside_a_symbol():
    form = ApplicationForm({"ipc_codes": "H04W 4/00，G06F; A61K"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["ipc_codes"] == ["H04W 4/00", "G06F", "A61K"]


def test_it_keeps_the_valid_fields_when_another_one_is_invalid():
    form = ApplicationForm(
        {"title": "保留我", "served_on": "not a date", "dispute_type": "litigation"}
    )
    assert not form.is_valid()
    fields = form.draft_fields()
    assert fields["title"] == "保留我"
    assert "served_on" not in fields


def test_it_refuses_a_response_deadline_in_the_past():
    form = ApplicationForm({"response_deadline": "2001-01-01"})
    assert not form.is_valid()
    assert "response_deadline" in form.errors


def test_a_party_row_needs_a_name_when_it_has_a_uscc_or_country():
    parties = party_formset(
        {
            "parties-TOTAL_FORMS": "1",
            "parties-INITIAL_FORMS": "0",
            "parties-0-kind": "counterparty",
            "parties-0-country": "US",
        }
    )
    assert not parties.is_valid()
    assert "name" in parties.forms[0].errors


def test_a_party_with_a_wrong_uscc_check_character_gets_the_error_on_its_row():
    parties = party_formset(
        {
            "parties-TOTAL_FORMS": "1",
            "parties-INITIAL_FORMS": "0",
            "parties-0-kind": "co_party",
            "parties-0-name": "天津某公司",
            "parties-0-uscc": "91120116MA05TJ8C2X",
        }
    )
    assert not parties.is_valid()
    assert "uscc" in parties.forms[0].errors


def test_empty_party_rows_are_left_out():
    parties = party_formset(
        {
            "parties-TOTAL_FORMS": "2",
            "parties-INITIAL_FORMS": "0",
            "parties-0-kind": "counterparty",
            "parties-0-name": "Acme LLC",
            "parties-1-kind": "counterparty",
        }
    )
    assert parties.is_valid(), parties.errors
    assert parties.rows() == [
        {"kind": "counterparty", "name": "Acme LLC", "uscc": "", "country": ""}
    ]
