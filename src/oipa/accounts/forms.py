"""Forms of the accounts app: parse and validate input; services do the writing."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from oipa.core import regions
from oipa.core.forms import PlainLabelsMixin

from .models import ROLE_KINDS, Organization, OrgKind, Role


class EnterpriseRegistrationForm(PlainLabelsMixin, forms.Form):
    organization_name = forms.CharField(label=_("Enterprise name (as registered)"), max_length=200)
    organization_name_en = forms.CharField(
        label=_("English name"),
        max_length=200,
        required=False,
        help_text=_("Optional; used to match foreign court and gazette records."),
    )
    uscc = forms.CharField(
        label=_("Unified social credit code (USCC)"),
        max_length=30,
        help_text=_("18 characters, as printed on the business licence."),
    )
    full_name = forms.CharField(label=_("Your name"), max_length=120)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("Work email"), help_text=_("You will log in with it."))
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters; not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the Center processes this information to provide the assistance service."
        ),
    )

    def clean_uscc(self) -> str:
        return regions.parse_uscc(self.cleaned_data["uscc"]).code

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords do not match."))
        return cleaned


class InviteMemberForm(PlainLabelsMixin, forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Role"), choices=())

    def __init__(self, *args, organization: Organization, center_admin: bool, **kwargs):
        super().__init__(*args, **kwargs)
        roles = [
            (value, label)
            for value, label in Role.choices
            if organization.kind in ROLE_KINDS[value]
            and (center_admin or value in (Role.ENTERPRISE_ADMIN, Role.ENTERPRISE_MEMBER))
        ]
        role_field = self.fields["role"]
        assert isinstance(role_field, forms.ChoiceField)
        role_field.choices = roles


class OrganizationForm(PlainLabelsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OrgKind.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    name_en = forms.CharField(label=_("English name"), max_length=200, required=False)
    uscc = forms.CharField(label=_("USCC"), max_length=30, required=False)
    district = forms.CharField(
        label=_("District (for district offices)"),
        max_length=40,
        required=False,
        help_text=_("A Beijing district name, e.g. 朝阳区 or Chaoyang."),
    )

    def clean_uscc(self) -> str:
        value = self.cleaned_data["uscc"]
        return regions.parse_uscc(value).code if value else ""

    def clean(self):
        cleaned = super().clean()
        district = cleaned.get("district")
        cleaned["division_code"] = ""
        if district:
            found = regions.find_district(district)
            if found is None:
                raise ValidationError({"district": _("No Beijing district has this name.")})
            cleaned["division_code"] = found.code
        return cleaned
