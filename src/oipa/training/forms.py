"""Forms of the training pages; they parse input, the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from oipa.accounts.models import Role, User
from oipa.core.forms import PlainLabelsMixin
from oipa.core.regions.lookup import beijing_districts, division_label
from oipa.core.taxonomy.models import Industry

from .models import Audience, EventKind

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def district_choices() -> list[tuple[str, str]]:
    return [("", "---------")] + [(d.code, division_label(d)) for d in beijing_districts()]


def expert_users():
    return (
        User.objects.filter(
            is_active=True, memberships__role=Role.EXPERT, memberships__is_active=True
        )
        .distinct()
        .order_by("full_name", "email")
    )


class EventForm(PlainLabelsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DATETIME)
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, max_value=100000)
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    audience = forms.ChoiceField(label=_("Audience"), choices=Audience.choices)
    industry = forms.ModelChoiceField(
        label=_("Industry"), queryset=Industry.objects.all(), required=False
    )
    division_code = forms.ChoiceField(label=_("District"), choices=[], required=False)
    speakers = forms.ModelMultipleChoiceField(
        label=_("Speakers"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division_code"].choices = district_choices()
        self.fields["speakers"].queryset = expert_users()  # type: ignore[attr-defined]


class RegistrationForm(PlainLabelsMixin, forms.Form):
    attendee_name = forms.CharField(label=_("Attendee"), max_length=120)
    attendee_email = forms.EmailField(label=_("Attendee email"))


class CapacityForm(PlainLabelsMixin, forms.Form):
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, max_value=100000)


class CancelEventForm(PlainLabelsMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class MaterialForm(PlainLabelsMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("File"))


class AttendanceImportForm(PlainLabelsMixin, forms.Form):
    file = forms.FileField(
        label=_("Attendance sheet (CSV)"),
        help_text=_("Columns: email or uscc, and attended (yes/no)."),
    )


class AttendanceForm(forms.Form):
    attended = forms.TypedChoiceField(
        choices=[("yes", _("Attended")), ("no", _("Absent"))],
        coerce=lambda value: value == "yes",
    )


class FeedbackForm(PlainLabelsMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Rating"), choices=[(str(i), str(i)) for i in range(5, 0, -1)], coerce=int
    )
    comment = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
