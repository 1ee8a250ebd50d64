"""Forms of the expert pool: they parse input; the services validate and change state."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from oipa.core.taxonomy.choices import DisputeType, IPType

from .models import Category, ConflictKind, ProfileStatus


def _codes(value: str) -> list[str]:
    return [part for part in value.replace(",", " ").replace("，", " ").split() if part]


class ProfileForm(forms.Form):
    """The expertise an expert keeps current (codes as text, so any IPC level can be typed)."""

    employer = forms.CharField(label=_("Employer"), required=False, max_length=200)
    title = forms.CharField(label=_("Professional title"), required=False, max_length=200)
    ip_types = forms.MultipleChoiceField(
        label=_("IP types"),
        choices=IPType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    dispute_types = forms.MultipleChoiceField(
        label=_("Dispute types"),
        choices=DisputeType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    jurisdictions = forms.CharField(
        label=_("Jurisdictions"), required=False, help_text=_("Codes, e.g. US DE EU.")
    )
    ipc_entries = forms.CharField(
        label=_("IPC fields"), required=False, help_text=_("Any level, e.g. H04W G06F A61.")
    )
    nice_classes = forms.CharField(
        label=_("Nice classes"), required=False, help_text=_("e.g. 9 35")
    )
    industries = forms.CharField(
        label=_("Industries"), required=False, help_text=_("GB/T 4754 sections, e.g. C I.")
    )
    languages = forms.CharField(
        label=_("Languages"), required=False, help_text=_("ISO 639-1 codes, e.g. zh en de.")
    )
    years_of_experience = forms.IntegerField(label=_("Years of experience"), min_value=0)
    max_concurrent_cases = forms.IntegerField(label=_("Maximum concurrent cases"))
    bio = forms.CharField(
        label=_("Biography"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("jurisdictions", "ipc_entries", "nice_classes", "industries", "languages"):
            data[name] = _codes(data.get(name) or "")
        return data

    @staticmethod
    def initial_for(profile) -> dict:
        return {
            "employer": profile.employer,
            "title": profile.title,
            "ip_types": profile.ip_types,
            "dispute_types": profile.dispute_types,
            "jurisdictions": " ".join(j.code for j in profile.jurisdictions.all()),
            "ipc_entries": " ".join(e.symbol for e in profile.ipc_entries.all()),
            "nice_classes": " ".join(str(n.number) for n in profile.nice_classes.all()),
            "industries": " ".join(i.code for i in profile.industries.all()),
            "languages": " ".join(profile.languages),
            "years_of_experience": profile.years_of_experience,
            "max_concurrent_cases": profile.max_concurrent_cases,
            "bio": profile.bio,
        }


class ConflictForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ConflictKind.choices)
    name = forms.CharField(label=_("Organization name"), max_length=300)


class UnavailabilityForm(forms.Form):
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), required=False, max_length=200)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ProfileStatus.choices)


class CategoryForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)


class InviteForm(forms.Form):
    """Staff pick a lead and members from the ranked list (profile codes)."""

    lead = forms.UUIDField(label=_("Lead expert"), required=False)
    members = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.member_codes: list[str] = []

    def clean(self):
        data = super().clean()
        raw = self.data.getlist("members") if hasattr(self.data, "getlist") else []
        self.member_codes = [c for c in raw if c]
        if not data.get("lead") and not self.member_codes:
            raise forms.ValidationError(_("Choose a lead expert or at least one member."))
        return data


class AcceptForm(forms.Form):
    no_conflict = forms.BooleanField(
        label=_("I confirm that I have no conflict of interest with any party of this case."),
        required=True,
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you decline?"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class HoursForm(forms.Form):
    worked_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = forms.DecimalField(label=_("Hours"), max_digits=5, decimal_places=1)
    note = forms.CharField(label=_("What was done"), required=False, max_length=300)


class ProposalForm(forms.Form):
    team_size = forms.IntegerField(label=_("Experts per case"), min_value=1, max_value=5, initial=1)


class ConsultationForm(forms.Form):
    """A consultation the expert held with the enterprise (recorded on the case)."""

    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    attendees = forms.CharField(label=_("Attendees"), max_length=500, required=False)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}))


class OpinionForm(forms.Form):
    """A written guidance opinion the expert gives on the case."""

    upload = forms.FileField(label=_("Opinion document"))
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}))
