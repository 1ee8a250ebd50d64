"""The FilterSets of the directory, each shared by its public list page and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db import connections
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from oipa.core.taxonomy.choices import DisputeType
from oipa.core.taxonomy.models import Jurisdiction

from .models import BodyKind, Institution, InstitutionKind, Language, MediationBody, Service

MAX_QUERY = 200


def contains_code(queryset: QuerySet, field: str, value: str) -> QuerySet:
    """Rows whose JSON list `field` holds `value`."""
    # SQLite has no JSON containment; the quoted code matches one element of the JSON text.
    if connections[queryset.db].vendor == "postgresql":
        return queryset.filter(**{f"{field}__contains": [value]})
    return queryset.filter(**{f"{field}__icontains": f'"{value}"'})


def _search_box(placeholder) -> forms.TextInput:
    return forms.TextInput(
        attrs={"type": "search", "placeholder": placeholder, "maxlength": MAX_QUERY}
    )


class InstitutionFilter(django_filters.FilterSet):
    """Name or description text, kind, service, country covered, language and the year of the
    (published) quality directory."""

    q = django_filters.CharFilter(
        method="filter_q",
        label=_("Search"),
        widget=_search_box(_("Name, partner firm or description")),
    )
    kind = django_filters.ChoiceFilter(choices=InstitutionKind.choices, label=_("Kind"))
    service = django_filters.ChoiceFilter(
        choices=Service.choices, method="filter_service", label=_("Service")
    )
    country = django_filters.ModelChoiceFilter(
        field_name="countries",
        queryset=Jurisdiction.objects.filter(is_active=True).order_by("code"),
        to_field_name="code",
        label=_("Country or office covered"),
    )
    language = django_filters.ChoiceFilter(
        choices=Language.choices, method="filter_language", label=_("Language")
    )
    quality_year = django_filters.NumberFilter(
        method="filter_quality_year",
        label=_("In the quality directory of"),
        widget=forms.NumberInput(attrs={"min": 2000, "max": 2100, "placeholder": "2026"}),
    )

    class Meta:
        model = Institution
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = " ".join(value.split())[:MAX_QUERY]
        if not value:
            return queryset
        return queryset.filter(
            Q(name_zh__icontains=value)
            | Q(name_en__icontains=value)
            | Q(description__icontains=value)
            | Q(partners__icontains=value)
        )

    def filter_service(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return contains_code(queryset, "services", value)

    def filter_language(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return contains_code(queryset, "languages", value)

    def filter_quality_year(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(
            quality_entries__edition__year=int(value),
            quality_entries__edition__published_on__isnull=False,
        )


class MediationBodyFilter(django_filters.FilterSet):
    """Name text, kind (a body doing both matches either), dispute type and jurisdiction."""

    q = django_filters.CharFilter(
        method="filter_q", label=_("Search"), widget=_search_box(_("Name or description"))
    )
    kind = django_filters.ChoiceFilter(
        choices=[c for c in BodyKind.choices if c[0] != BodyKind.BOTH],
        method="filter_kind",
        label=_("Kind"),
    )
    dispute_type = django_filters.ChoiceFilter(
        choices=DisputeType.choices, method="filter_dispute_type", label=_("Dispute type")
    )
    jurisdiction = django_filters.ModelChoiceFilter(
        field_name="jurisdictions",
        queryset=Jurisdiction.objects.filter(is_active=True).order_by("code"),
        to_field_name="code",
        label=_("Jurisdiction"),
    )

    class Meta:
        model = MediationBody
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = " ".join(value.split())[:MAX_QUERY]
        if not value:
            return queryset
        return queryset.filter(
            Q(name_zh__icontains=value)
            | Q(name_en__icontains=value)
            | Q(description__icontains=value)
        )

    def filter_kind(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(kind__in=[value, BodyKind.BOTH])

    def filter_dispute_type(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return contains_code(queryset, "dispute_types", value)
