"""The one FilterSet of demand leads, shared by the leads page and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Lead, LeadStatus, NeedType, Urgency


class LeadFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=LeadStatus.choices)
    need_type = django_filters.ChoiceFilter(label=_("Need"), choices=NeedType.choices)
    urgency = django_filters.ChoiceFilter(label=_("Urgency"), choices=Urgency.choices)
    q = django_filters.CharFilter(label=_("Enterprise"), method="filter_q")

    class Meta:
        model = Lead
        fields = ["status", "need_type", "urgency"]

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(enterprise_name__icontains=value) | queryset.filter(
            uscc__iexact=value.upper()
        )
