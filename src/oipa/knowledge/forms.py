"""Forms of the information service: the search box and the editors' content forms."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from oipa.core.taxonomy.choices import IPType
from oipa.core.taxonomy.lookups import jurisdiction_choices

from .models import Bulletin, BusinessModel, CountryProfile, DeadlineFact, Guide, TypicalCase
from .search.query import KINDS

MAX_QUERY = 200
KIND_LABELS = {
    "profile": _("Country profiles"),
    "case": _("Typical cases"),
    "guide": _("Guides"),
    "bulletin": _("Bulletins"),
    "institution": _("Service institutions"),
    "mediation_body": _("Mediation and arbitration bodies"),
}


class SearchForm(forms.Form):
    """The one search box with its facets; long input is cut, never refused."""

    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(label=_("Content type"), required=False)
    jurisdiction = forms.ChoiceField(label=_("Jurisdiction"), required=False)
    ip_type = forms.ChoiceField(label=_("IP type"), required=False)
    industry = forms.ChoiceField(label=_("Industry"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from oipa.core.taxonomy.models import Industry

        anything = [("", _("Any"))]
        self.fields["kind"].choices = anything + [(k, KIND_LABELS[k]) for k in KINDS]
        self.fields["jurisdiction"].choices = anything + jurisdiction_choices()
        self.fields["ip_type"].choices = anything + list(IPType.choices)
        self.fields["industry"].choices = anything + [
            (i.code, i.title) for i in Industry.objects.all()
        ]

    def clean_q(self) -> str:
        return (self.cleaned_data.get("q") or "").strip()[:MAX_QUERY]


def _formfield(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class _ContentForm(forms.ModelForm):
    many_fields: tuple[str, ...] = ()

    def clean(self):
        data = super().clean()
        if not (data.get("title_zh") or data.get("title_en")):
            raise forms.ValidationError(_("Give a Chinese or an English title."))
        return data

    def split(self) -> tuple[dict, dict]:
        """(plain fields, many-to-many fields) of the cleaned data, for the services."""
        data = dict(self.cleaned_data)
        many = {name: list(data.pop(name)) for name in self.many_fields if name in data}
        return data, many


class CaseForm(_ContentForm):
    class Meta:
        model = TypicalCase
        formfield_callback = _formfield
        fields = [
            "title_zh", "title_en", "jurisdiction", "forum", "ip_type", "dispute_type",
            "industry", "parties", "decided_on", "facts_zh", "facts_en", "result_zh",
            "result_en", "lessons_zh", "lessons_en", "source_url",
        ]  # fmt: skip
        widgets = {"decided_on": forms.DateInput(attrs={"type": "date"})}


class GuideForm(_ContentForm):
    many_fields = ("jurisdictions", "industries")
    ip_types = forms.MultipleChoiceField(
        label=_("IP types"), choices=IPType.choices, required=False
    )
    business_models = forms.MultipleChoiceField(
        label=_("New business models"), choices=BusinessModel.choices, required=False
    )

    class Meta:
        model = Guide
        fields = [
            "title_zh", "title_en", "summary_zh", "summary_en", "body_zh", "body_en",
            "attachment", "jurisdictions", "industries", "ip_types", "business_models",
        ]  # fmt: skip

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload and hasattr(upload, "read") and hasattr(upload, "content_type"):
            head = upload.read(5)
            upload.seek(0)
            if head != b"%PDF-":
                raise forms.ValidationError(_("The attachment must be a PDF file."))
        return upload


class BulletinForm(_ContentForm):
    many_fields = ("jurisdictions", "industries")
    ip_types = forms.MultipleChoiceField(
        label=_("IP types"), choices=IPType.choices, required=False
    )

    class Meta:
        model = Bulletin
        fields = [
            "title_zh", "title_en", "body_zh", "body_en", "jurisdictions", "industries",
            "ip_types", "push_to_subscribers",
        ]  # fmt: skip


class ProfileForm(_ContentForm):
    class Meta:
        model = CountryProfile
        fields = [
            "title_zh", "title_en", "jurisdiction", "summary_zh", "summary_en", "body_zh",
            "body_en", "offices", "courts", "litigation_stages", "customs_zh", "customs_en",
            "remedies_zh", "remedies_en", "costs_zh", "costs_en", "language_zh",
            "language_en", "tips_zh", "tips_en", "sources", "last_reviewed",
        ]  # fmt: skip
        widgets = {"last_reviewed": forms.DateInput(attrs={"type": "date"})}


class DeadlineFactForm(forms.ModelForm):
    class Meta:
        model = DeadlineFact
        formfield_callback = _formfield
        fields = [
            "event", "amount", "unit", "starts_from", "extension_zh", "extension_en",
            "legal_basis", "source_url",
        ]  # fmt: skip


DeadlineFactFormSet = forms.formset_factory(DeadlineFactForm, extra=1, can_delete=True)

FORMS: dict[str, type[_ContentForm]] = {
    "profile": ProfileForm,
    "case": CaseForm,
    "guide": GuideForm,
    "bulletin": BulletinForm,
}


class SubscriptionForm(forms.Form):
    """An enterprise's bulletin subscription; leave both empty to receive every pushed bulletin."""

    jurisdictions: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Jurisdictions"), queryset=None, required=False
    )
    industries: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Industries"), queryset=None, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from oipa.core.taxonomy.models import Industry, Jurisdiction

        self.fields["jurisdictions"].queryset = Jurisdiction.objects.filter(is_active=True)
        self.fields["industries"].queryset = Industry.objects.all()
