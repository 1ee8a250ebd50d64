"""Forms of the notification preference and webhook pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from oipa.core.forms import PlainLabelsMixin

from .models import Cadence, Category
from .preferences import Choice


class PreferencesForm(PlainLabelsMixin, forms.Form):
    """Three fields per category: `<category>_email`, `<category>_webhook`, `<category>_cadence`."""

    def __init__(self, *args: Any, choices: dict[str, Choice], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for category, choice in choices.items():
            self.fields[f"{category}_email"] = forms.BooleanField(
                label=_("Email"), required=False, initial=choice.email
            )
            self.fields[f"{category}_webhook"] = forms.BooleanField(
                label=_("Our webhook"), required=False, initial=choice.webhook
            )
            self.fields[f"{category}_cadence"] = forms.ChoiceField(
                label=_("How often"), choices=Cadence.choices, initial=choice.cadence
            )

    def rows(self) -> list[tuple[Any, list[forms.BoundField]]]:
        """(category label, its bound fields) for the template's table."""
        return [
            (label, [self[f"{value}_{name}"] for name in ("email", "webhook", "cadence")])
            for value, label in Category.choices
            if f"{value}_email" in self.fields
        ]

    def choices(self) -> dict[str, Choice]:
        data = self.cleaned_data
        return {
            c: Choice(data[f"{c}_email"], data[f"{c}_webhook"], data[f"{c}_cadence"])
            for c in Category.values
            if f"{c}_email" in self.fields
        }


class WebhookForm(PlainLabelsMixin, forms.Form):
    url = forms.URLField(label=_("Webhook address"), max_length=500, assume_scheme="https")
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
