"""The self-check form: one radio choice per question of the current questionnaire version."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from oipa.core.taxonomy.models import Industry

from . import questionnaire


class SelfCheckForm(forms.Form):
    industry = forms.ModelChoiceField(
        label=_("Industry"), queryset=Industry.objects.order_by("code"), to_field_name="code"
    )

    def __init__(self, *args, version: str = questionnaire.CURRENT_VERSION, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = questionnaire.sections(version)
        for section in self.sections:
            for question in section.questions:
                self.fields[question.key] = forms.ChoiceField(
                    label=question.text, choices=questionnaire.ANSWERS, widget=forms.RadioSelect
                )

    def grouped(self):
        """(section, bound fields) pairs for the template."""
        return [(s, [self[q.key] for q in s.questions]) for s in self.sections]

    def answers(self) -> dict[str, str]:
        return {k: v for k, v in self.cleaned_data.items() if k != "industry"}
