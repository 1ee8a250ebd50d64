"""The one FilterSet of expert profiles, shared by the pool page and the API."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from oipa.core.taxonomy.choices import DisputeType, IPType

from .models import Category, ExpertProfile, ProfileStatus


class ExpertProfileFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label=_("Name, employer or title"))
    category = django_filters.ChoiceFilter(choices=Category.choices, label=_("Category"))
    status = django_filters.ChoiceFilter(choices=ProfileStatus.choices, label=_("Status"))
    ip_type = django_filters.ChoiceFilter(
        choices=IPType.choices, method="filter_list", label=_("IP type")
    )
    dispute_type = django_filters.ChoiceFilter(
        choices=DisputeType.choices, method="filter_list", label=_("Dispute type")
    )
    jurisdiction = django_filters.CharFilter(
        field_name="jurisdictions__code", lookup_expr="iexact", label=_("Jurisdiction code")
    )
    ipc = django_filters.CharFilter(method="filter_ipc", label=_("IPC symbol"))

    class Meta:
        model = ExpertProfile
        fields = ["q", "category", "status", "ip_type", "dispute_type", "jurisdiction", "ipc"]

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(user__full_name__icontains=value)
            | Q(employer__icontains=value)
            | Q(title__icontains=value)
        )

    def filter_list(self, queryset, name, value):
        # JSON lists of codes: a substring test on the quoted code works on SQLite and PostgreSQL
        field = "ip_types" if name == "ip_type" else "dispute_types"
        return queryset.filter(**{f"{field}__icontains": f'"{value}"'})

    def filter_ipc(self, queryset, name, value):
        symbol = value.strip().upper().replace(" ", "")
        if not symbol:
            return queryset
        return queryset.filter(ipc_entries__symbol__startswith=symbol[:4]).distinct()
