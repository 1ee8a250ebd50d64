"""Forms of the monitoring pages that staff and enterprises fill in (names and manual entry)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from oipa.core.forms import PlainLabelsMixin
from oipa.core.taxonomy.choices import DisputeType

from .importers.tables import split_names
from .models import AliasKind

OWN_ALIAS_KINDS = [
    (k, label) for k, label in AliasKind.choices if k not in (AliasKind.LEGAL, AliasKind.FORMER)
]


class NamesUploadForm(PlainLabelsMixin, forms.Form):
    file = forms.FileField(label=_("File (CSV or Excel)"))


class AliasForm(PlainLabelsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of name"), choices=OWN_ALIAS_KINDS)
    name = forms.CharField(label=_("Name"), max_length=300)


class DisputeEntryForm(PlainLabelsMixin, forms.Form):
    """One dispute learned by another channel; the reference is the staff's own key."""

    reference = forms.CharField(
        label=_("Reference"),
        max_length=120,
        help_text=_("Your own unique reference; entering it again updates the same dispute."),
    )
    dispute_type = forms.ChoiceField(label=_("Kind of dispute"), choices=DisputeType.choices)
    forum = forms.CharField(label=_("Court, office or platform"), max_length=200)
    jurisdiction = forms.CharField(
        label=_("Country or office code"),
        max_length=2,
        initial="US",
        help_text=_("ISO 3166-1 two-letter code, or EU, EP, WO."),
    )
    case_number = forms.CharField(label=_("Case number"), max_length=100, required=False)
    filed_on = forms.DateField(
        label=_("Filed or learned on"),
        required=False,
        widget=forms.DateInput({"type": "date"}),
    )
    nature_of_suit = forms.CharField(
        label=_("Nature of suit"),
        max_length=200,
        required=False,
        help_text=_('US nature-of-suit code and text, e.g. "840 Trademark".'),
    )
    title = forms.CharField(label=_("Case name or description"), max_length=500, required=False)
    plaintiffs = forms.CharField(
        label=_("Plaintiffs or complainants"),
        widget=forms.Textarea({"rows": 2}),
        required=False,
        help_text=_("One per line."),
    )
    defendants = forms.CharField(
        label=_("Defendants, stores or seller IDs"),
        widget=forms.Textarea({"rows": 4}),
        required=False,
        help_text=_("One per line."),
    )
    url = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")
    note = forms.CharField(label=_("Notes"), widget=forms.Textarea({"rows": 3}), required=False)

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["plaintiffs"] = split_names(data["plaintiffs"])
        data["defendants"] = split_names(data["defendants"])
        data["jurisdiction"] = data["jurisdiction"].upper()
        return data
