"""Forms of the directory: they parse what people type into the services' details; the services
validate (unknown codes, USCC check digits, markup) and their errors are shown on the fields."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from oipa.accounts.models import Organization, OrgKind
from oipa.core.forms import PlainLabelsMixin
from oipa.core.taxonomy.choices import DisputeType

from .listing import InstitutionDetails, MediationDetails
from .models import BodyKind, InstitutionKind, Language, Service

CODE_SPLIT = re.compile(r"[\s,，;；、]+")


def split_codes(value: str) -> tuple[str, ...]:
    return tuple(code.upper() for code in CODE_SPLIT.split(value or "") if code)


class ContactFields(forms.Form):
    contact_person = forms.CharField(label=_("Contact person"), max_length=100, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.CharField(label=_("Email"), max_length=254, required=False)
    website = forms.CharField(label=_("Website"), max_length=300, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class InstitutionForm(PlainLabelsMixin, ContactFields):
    """Every value of an institution's listing."""

    name_zh = forms.CharField(label=_("Chinese name"), max_length=200)
    name_en = forms.CharField(label=_("English name"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=InstitutionKind.choices)
    uscc = forms.CharField(label=_("USCC"), max_length=30, required=False)
    countries = forms.CharField(
        label=_("Countries and offices covered"),
        required=False,
        help_text=_("Codes separated by commas, e.g. US, EU, DE, JP."),
    )
    services = forms.MultipleChoiceField(
        label=_("Services offered"),
        choices=Service.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    partners = forms.CharField(
        label=_("Partner firms abroad"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One firm per line: the name, a comma, and its country code."),
    )
    field_order = ["name_zh", "name_en", "kind", "uscc", "countries", "services", "languages"]

    def clean_partners(self) -> tuple[tuple[str, str], ...]:
        partners = []
        for number, line in enumerate(self.cleaned_data["partners"].splitlines(), start=1):
            if not line.strip():
                continue
            name, comma, country = line.rpartition(",")
            if not comma or not name.strip() or not country.strip():
                raise ValidationError(
                    _("Line %(n)d: write the firm's name, a comma and its country code.")
                    % {"n": number}
                )
            partners.append((name.strip(), country.strip().upper()))
        return tuple(partners)

    def details(self) -> InstitutionDetails:
        data = dict(self.cleaned_data)
        data["countries"] = split_codes(data["countries"])
        data["services"] = tuple(data["services"])
        data["languages"] = tuple(data["languages"])
        return InstitutionDetails(**data)

    @staticmethod
    def initial_for(details: InstitutionDetails) -> dict:
        initial = details.as_data()
        initial["countries"] = ", ".join(details.countries)
        initial["partners"] = "\n".join(f"{n}, {c}" for n, c in details.partners)
        return initial


class MediationBodyForm(PlainLabelsMixin, ContactFields):
    """Every value of a mediation or arbitration body's listing."""

    name_zh = forms.CharField(label=_("Chinese name"), max_length=200)
    name_en = forms.CharField(label=_("English name"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=BodyKind.choices)
    dispute_types = forms.MultipleChoiceField(
        label=_("Dispute types taken"),
        choices=DisputeType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    jurisdictions = forms.CharField(
        label=_("Jurisdictions taken"),
        required=False,
        help_text=_("Codes separated by commas, e.g. US, EU, DE, JP."),
    )
    rules_url = forms.CharField(label=_("Rules (web address)"), max_length=300, required=False)
    field_order = ["name_zh", "name_en", "kind", "dispute_types", "jurisdictions", "rules_url"]

    def details(self) -> MediationDetails:
        data = dict(self.cleaned_data)
        data["jurisdictions"] = split_codes(data["jurisdictions"])
        data["dispute_types"] = tuple(data["dispute_types"])
        return MediationDetails(**data)

    @staticmethod
    def initial_for(body) -> dict:
        return {
            "name_zh": body.name_zh,
            "name_en": body.name_en,
            "kind": body.kind,
            "dispute_types": body.dispute_types,
            "jurisdictions": ", ".join(j.code for j in body.jurisdictions.all()),
            "rules_url": body.rules_url,
            "contact_person": body.contact_person,
            "phone": body.phone,
            "email": body.email,
            "website": body.website,
            "address": body.address,
            "description": body.description,
        }


class ReasonForm(PlainLabelsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class OrganizationLinkForm(PlainLabelsMixin, forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Platform organization maintaining the listing"),
        queryset=Organization.objects.filter(
            kind=OrgKind.SERVICE_INSTITUTION, is_active=True
        ).order_by("name"),
        required=False,
        empty_label=_("None"),
    )


class YearForm(PlainLabelsMixin, forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
