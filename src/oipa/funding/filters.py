"""The one FilterSet of funding applications, shared by the list page and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import FundingApplication, FundingStatus, Programme


class FundingApplicationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=FundingStatus.choices)
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"), queryset=Programme.objects.all(), to_field_name="code"
    )

    class Meta:
        model = FundingApplication
        fields = ["status", "programme"]
