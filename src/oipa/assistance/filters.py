"""The one FilterSet of guidance applications, shared by the staff workbench, its Excel export
and the API.

Filters on a case's content (text, IP type, dispute type, country, district, industry, urgency)
match a confidential case only for those who may read it, so a search cannot reveal what a
confidential case is about to staff who only see that it exists.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db import connections
from django.db.models import Q, QuerySet
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _

from oipa.accounts.models import Role, User
from oipa.core.regions.lookup import beijing_districts, division_label
from oipa.core.taxonomy.choices import DisputeType, IPType
from oipa.core.taxonomy.models import Industry, Jurisdiction

from .access import readable_by
from .models import Application, JointGuidance
from .sla import URGENCY_LABELS, deadline_range_for
from .workflow import Status

URGENCY_CHOICES = [
    (level, URGENCY_LABELS[level]) for level in ("overdue", "urgent", "high", "normal", "none")
]
JOINT_CHOICES = [
    (JointGuidance.PROPOSED.value, JointGuidance.PROPOSED.label),
    (JointGuidance.CONFIRMED.value, JointGuidance.CONFIRMED.label),
    ("none", _("No joint guidance")),
]
CONTENT_FILTERS = (
    "q",
    "ip_type",
    "dispute_type",
    "country",
    "district",
    "industry",
    "urgency",
)


def district_choices() -> list[tuple[str, str]]:
    """Beijing's districts as (division code, localized label), computed at render time."""
    return [("", "---------")] + [(d.code, division_label(d)) for d in beijing_districts()]


def center_officers() -> QuerySet[User]:
    """People who can be a case officer: active Center staff and admins."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__organization__is_active=True,
            memberships__role__in=[Role.CENTER_STAFF, Role.CENTER_ADMIN],
        )
        .distinct()
        .order_by("full_name", "email")
    )


def _contains_ip_type(queryset: QuerySet, value: str) -> QuerySet:
    # SQLite has no JSON containment; the quoted code matches one element of the JSON text.
    if connections[queryset.db].vendor == "postgresql":
        return queryset.filter(ip_types__contains=[value])
    return queryset.filter(ip_types__icontains=f'"{value}"')


class ApplicationFilter(django_filters.FilterSet):
    """Status, IP type, dispute type, country, district, industry, urgency, case officer,
    confidentiality, joint guidance and a text search on number, title and applicant name.

    Pass `request=` so content filters respect confidentiality (without a request they match
    non-confidential cases only)."""

    q = django_filters.CharFilter(
        method="filter_q",
        label=_("Search"),
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Number, title or applicant")}
        ),
    )
    status = django_filters.ChoiceFilter(
        choices=[c for c in Status.choices if c[0] != Status.DRAFT], label=_("Status")
    )
    ip_type = django_filters.ChoiceFilter(
        choices=IPType.choices, method="filter_ip_type", label=_("IP type")
    )
    dispute_type = django_filters.ChoiceFilter(choices=DisputeType.choices, label=_("Dispute type"))
    country = django_filters.ModelChoiceFilter(
        field_name="jurisdictions",
        queryset=Jurisdiction.objects.order_by("code"),
        to_field_name="code",
        label=_("Country or office"),
    )
    district = django_filters.CharFilter(
        method="filter_district",
        label=_("District"),
        widget=forms.Select(choices=CallableChoiceIterator(district_choices)),
    )
    industry = django_filters.ModelChoiceFilter(
        queryset=Industry.objects.order_by("code"), to_field_name="code", label=_("Industry")
    )
    urgency = django_filters.ChoiceFilter(
        choices=URGENCY_CHOICES, method="filter_urgency", label=_("Urgency")
    )
    case_officer = django_filters.ModelChoiceFilter(
        queryset=center_officers(), null_label=_("Unassigned"), label=_("Case officer")
    )
    confidential = django_filters.BooleanFilter(
        label=_("Confidential"), widget=forms.NullBooleanSelect
    )
    joint_guidance = django_filters.ChoiceFilter(
        choices=JOINT_CHOICES, method="filter_joint_guidance", label=_("Joint guidance")
    )

    class Meta:
        model = Application
        fields: list[str] = []

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        if any(self.form.cleaned_data.get(name) not in (None, "") for name in CONTENT_FILTERS):
            queryset = queryset.filter(self._readable())
        return queryset

    def _readable(self) -> Q:
        user = getattr(self.request, "user", None)
        if user is None or not user.is_authenticated:
            return Q(confidential=False)
        return readable_by(user)

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(number__icontains=value)
            | Q(title__icontains=value)
            | Q(applicant__name__icontains=value)
            | Q(applicant__name_en__icontains=value)
        )

    def filter_ip_type(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _contains_ip_type(queryset, value)

    def filter_district(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """A six-digit division code, or (API) a district name such as 朝阳区."""
        value = value.strip()
        if value.isdigit():
            return queryset.filter(applicant__division_code=value)
        return queryset.filter(applicant__district__icontains=value)

    def filter_urgency(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "none":
            return queryset.filter(response_deadline__isnull=True)
        start, end = deadline_range_for(value)
        return queryset.filter(**_range("response_deadline", start, end))

    def filter_joint_guidance(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(joint_guidance="" if value == "none" else value)


def _range(field: str, start, end) -> dict:
    bounds: dict = {}
    if start is not None:
        bounds[f"{field}__gte"] = start
    if end is not None:
        bounds[f"{field}__lte"] = end
    return bounds
