"""One FilterSet per list, shared by the public pages and the API."""

from __future__ import annotations

import django_filters

from .models import Bulletin, CountryProfile, Guide, TypicalCase


class ProfileFilter(django_filters.FilterSet):
    jurisdiction = django_filters.CharFilter(field_name="jurisdiction__code", lookup_expr="iexact")

    class Meta:
        model = CountryProfile
        fields = ["jurisdiction"]


class CaseFilter(django_filters.FilterSet):
    jurisdiction = django_filters.CharFilter(field_name="jurisdiction__code", lookup_expr="iexact")
    industry = django_filters.CharFilter(field_name="industry__code", lookup_expr="iexact")

    class Meta:
        model = TypicalCase
        fields = ["jurisdiction", "ip_type", "dispute_type", "industry"]


class GuideFilter(django_filters.FilterSet):
    jurisdiction = django_filters.CharFilter(field_name="jurisdictions__code", lookup_expr="iexact")
    industry = django_filters.CharFilter(field_name="industries__code", lookup_expr="iexact")
    business_model = django_filters.CharFilter(method="filter_business_model")

    class Meta:
        model = Guide
        fields = ["jurisdiction", "industry", "business_model"]

    def filter_business_model(self, queryset, name, value):
        # The JSON list's text contains the quoted code on SQLite and PostgreSQL alike.
        return queryset.filter(business_models__icontains=f'"{value}"')


class BulletinFilter(django_filters.FilterSet):
    jurisdiction = django_filters.CharFilter(field_name="jurisdictions__code", lookup_expr="iexact")
    industry = django_filters.CharFilter(field_name="industries__code", lookup_expr="iexact")

    class Meta:
        model = Bulletin
        fields = ["jurisdiction", "industry"]
