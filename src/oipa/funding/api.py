"""Funding API: the same querysets (`visible_to`), FilterSet and services as the pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from . import services
from .filters import FundingApplicationFilter
from .models import (
    CostItem,
    FundClaim,
    FundingApplication,
    JournalEntry,
    JournalLine,
    Programme,
)


class ProgrammeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Programme
        fields = [
            "code",
            "name",
            "description",
            "budget",
            "approved_total",
            "dispute_types",
            "cost_types",
            "share_percent",
            "cap_per_applicant",
            "opens_on",
            "closes_on",
            "is_active",
        ]


class CostItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = CostItem
        fields = [
            "code",
            "cost_type",
            "description",
            "issuer",
            "invoice_number",
            "invoice_date",
            "currency",
            "amount",
            "rate",
            "rate_date",
            "amount_cny",
            "requested_cny",
            "decision",
            "accepted_cny",
            "granted_cny",
            "decision_reason",
        ]


class FundingApplicationSerializer(serializers.ModelSerializer):
    programme = serializers.UUIDField(source="programme.code")
    applicant = serializers.CharField(source="applicant.name")
    case = serializers.UUIDField(source="case.code")
    items = CostItemSerializer(many=True)

    class Meta:
        model = FundingApplication
        fields = [
            "code",
            "programme",
            "applicant",
            "case",
            "status",
            "granted_total",
            "paid_total",
            "submitted_at",
            "decided_at",
            "items",
        ]


class ProgrammeViewSet(viewsets.ReadOnlyModelViewSet):
    """Funding programmes the caller may see."""

    serializer_class = ProgrammeSerializer
    lookup_field = "code"

    def get_queryset(self):
        return Programme.objects.visible_to(self.request.user)


class FundingApplicationViewSet(viewsets.ReadOnlyModelViewSet):
    """Funding applications the caller may see (404 for the others); `submit` sends a draft."""

    serializer_class = FundingApplicationSerializer
    lookup_field = "code"
    filterset_class = FundingApplicationFilter

    def get_queryset(self):
        return (
            FundingApplication.objects.visible_to(self.request.user)
            .select_related("programme", "applicant", "case")
            .prefetch_related("items")
        )

    @action(detail=True, methods=["post"])
    def submit(self, request, code=None):
        application = self.get_object()
        try:
            application = services.submit_funding_application(
                actor=request.user, application=application
            )
        except PermissionDenied:
            raise NotFound from None
        return Response(self.get_serializer(application).data)


class FundClaimSerializer(serializers.ModelSerializer):
    member = serializers.CharField(source="member.organization.name")
    case = serializers.UUIDField(source="case.code")

    class Meta:
        model = FundClaim
        fields = [
            "code",
            "member",
            "case",
            "amount",
            "issuer",
            "invoice_number",
            "invoice_date",
            "status",
            "approved_amount",
            "created_at",
        ]


class FundClaimViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = FundClaimSerializer
    lookup_field = "code"

    def get_queryset(self):
        return FundClaim.objects.visible_to(self.request.user).select_related(
            "member__organization", "case"
        )


class JournalLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = JournalLine
        fields = ["account", "debit", "credit"]


class JournalEntrySerializer(serializers.ModelSerializer):
    lines = JournalLineSerializer(many=True)

    class Meta:
        model = JournalEntry
        fields = ["code", "booked_on", "memo", "lines"]


class JournalEntryViewSet(viewsets.ReadOnlyModelViewSet):
    """The fund's ledger: the whole book for the Center, a member's own entries otherwise."""

    serializer_class = JournalEntrySerializer
    lookup_field = "code"

    def get_queryset(self):
        return (
            JournalEntry.objects.visible_to(self.request.user)
            .prefetch_related("lines")
            .order_by("booked_on", "pk")
        )


ROUTES = [
    ("funding-programmes", ProgrammeViewSet, "funding-programme"),
    ("funding-applications", FundingApplicationViewSet, "funding-application"),
    ("fund-claims", FundClaimViewSet, "fund-claim"),
    ("fund-ledger", JournalEntryViewSet, "fund-entry"),
]
