"""The filters auditors use on the audit trail list."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import django_filters
from django.db.models import Q, QuerySet
from django.forms import DateInput
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oipa.core.audit.models import AuditEvent


class AuditEventFilter(django_filters.FilterSet):
    """Action prefix, actor, organization, object and a date range (dates in local time)."""

    action = django_filters.CharFilter(
        field_name="action", lookup_expr="startswith", label=_("Action starts with")
    )
    actor = django_filters.CharFilter(
        field_name="actor_label", lookup_expr="icontains", label=_("Actor email")
    )
    organization = django_filters.CharFilter(method="filter_organization", label=_("Organization"))
    target_type = django_filters.CharFilter(
        field_name="target_type", lookup_expr="iexact", label=_("Object type (app.model)")
    )
    target_id = django_filters.CharFilter(field_name="target_id", label=_("Object ID"))
    date_from = django_filters.DateFilter(
        method="filter_date_from", label=_("From date"), widget=DateInput(attrs={"type": "date"})
    )
    date_to = django_filters.DateFilter(
        method="filter_date_to", label=_("To date"), widget=DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = AuditEvent
        fields: list[str] = []

    def filter_organization(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The label is the name when the event was recorded; the join finds renamed ones too.
        return queryset.filter(
            Q(organization_label__icontains=value) | Q(organization__name__icontains=value)
        )

    def filter_date_from(self, queryset: QuerySet, name: str, value: date) -> QuerySet:
        return queryset.filter(created_at__gte=_start_of(value))

    def filter_date_to(self, queryset: QuerySet, name: str, value: date) -> QuerySet:
        return queryset.filter(created_at__lt=_start_of(value + timedelta(days=1)))


def _start_of(day: date) -> datetime:
    # A range on created_at itself (not created_at__date) keeps its index usable.
    return timezone.make_aware(datetime.combine(day, time.min))
