"""Forms of the squatting watch: a watched mark, a gazette upload, a watch-list upload."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .importers import FORMATS
from .models import Office


def split_list(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]+", value or "") if part.strip()]


def split_codes(value: str) -> list[str]:
    return [part for part in re.split(r"[,;\s]+", value or "") if part]


class WatchedMarkForm(forms.Form):
    word_mark = forms.CharField(
        label=_("Word mark"),
        max_length=200,
        help_text=_("Chinese and/or Latin, e.g. 小米 XIAOMI. Its pinyin is derived for you."),
    )
    english_forms = forms.CharField(
        label=_("Known English forms"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line or separated by semicolons."),
    )
    nice_classes = forms.CharField(
        label=_("Nice classes"),
        required=False,
        max_length=200,
        help_text=_("e.g. 9, 35, 42. Empty: all classes."),
    )
    jurisdictions = forms.CharField(
        label=_("Jurisdictions of interest"),
        required=False,
        max_length=200,
        help_text=_("Codes such as US, EU, GB, WO. Empty: all."),
    )

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "word_mark": data["word_mark"],
            "english_forms": split_list(data["english_forms"]),
            "nice_classes": split_codes(data["nice_classes"]),
            "jurisdictions": split_codes(data["jurisdictions"]),
        }


class GazetteUploadForm(forms.Form):
    source = forms.ChoiceField(
        label=_("Format"), choices=[(key, label) for key, (_m, label) in FORMATS.items()]
    )
    office = forms.ChoiceField(label=_("Office"), choices=Office.choices, initial=Office.USPTO)
    file = forms.FileField(label=_("File"))


class WatchListUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Watch list (CSV or Excel)"),
        help_text=_("Columns: enterprise, uscc, mark, english_forms, nice_classes, jurisdictions."),
    )
