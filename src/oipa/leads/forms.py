"""Forms of the leads pages; they parse input, the services decide."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oipa.core.forms import PlainLabelsMixin
from oipa.training.models import Event, EventStatus

from .models import Conversion, LeadSource, NeedType, Urgency


class LeadForm(PlainLabelsMixin, forms.Form):
    enterprise_name = forms.CharField(
        label=_("Enterprise name"),
        max_length=200,
        required=False,
        help_text=_("May stay empty when the enterprise is registered on the platform."),
    )
    uscc = forms.CharField(label=_("Unified social credit code"), max_length=30)
    need_type = forms.ChoiceField(label=_("Need"), choices=NeedType.choices)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices, initial="normal")
    source = forms.ChoiceField(label=_("Source"), choices=LeadSource.choices)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea)
    contact_name = forms.CharField(label=_("Contact person"), max_length=120, required=False)
    contact_email = forms.EmailField(label=_("Contact email"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)


class NoteForm(PlainLabelsMixin, forms.Form):
    note = forms.CharField(
        label=_("Note to the district"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class CloseForm(PlainLabelsMixin, forms.Form):
    note = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ConvertForm(PlainLabelsMixin, forms.Form):
    conversion = forms.ChoiceField(label=_("Convert into"), choices=Conversion.choices)
    event = forms.ModelChoiceField(
        label=_("Training event"), queryset=Event.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("Note to the district"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.filter(  # type: ignore[attr-defined]
            status=EventStatus.OPEN, starts_at__gt=timezone.now()
        ).order_by("starts_at")


class MonthForm(forms.Form):
    month = forms.DateField(input_formats=["%Y-%m"], required=False)
