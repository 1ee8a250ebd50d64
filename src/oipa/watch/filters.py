"""The one FilterSet of similarity hits, shared by the staff hit list and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Hit, HitStatus, Office


class HitFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=HitStatus.choices)
    office = django_filters.ChoiceFilter(
        label=_("Office"), field_name="publication__office", choices=Office.choices
    )
    rule = django_filters.CharFilter(label=_("Rule"))
    mark = django_filters.CharFilter(
        label=_("Mark"), field_name="publication__mark_text", lookup_expr="icontains"
    )

    class Meta:
        model = Hit
        fields = ["status", "office", "rule", "mark"]
