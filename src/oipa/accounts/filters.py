"""The organization FilterSet shared by the UI list and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Organization, OrgKind


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Name or USCC contains"))
    kind = django_filters.ChoiceFilter(choices=OrgKind.choices, label=_("Kind"))
    province = django_filters.CharFilter(lookup_expr="exact", label=_("Province"))

    class Meta:
        model = Organization
        fields = ["q", "kind", "province"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(name_en__icontains=value) | Q(uscc__icontains=value)
        )
