"""The demand leads API: district officers report and follow their leads; Center staff
triage them. Same querysets (`visible_to`), FilterSet and services as the pages; a hidden lead
answers 404, a service's ValidationError 400, PermissionDenied 403."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from oipa.training.models import Event

from . import services
from .access import is_center_staff
from .filters import LeadFilter
from .models import Conversion, Lead, LeadSource, NeedType, Urgency

UUID_PATTERN = "[0-9a-fA-F-]{36}"


class LeadSerializer(serializers.ModelSerializer):
    district_office = serializers.CharField(source="district_office.name", read_only=True)
    application = serializers.UUIDField(source="application.code", read_only=True, default=None)
    training_event = serializers.UUIDField(
        source="training_event.code", read_only=True, default=None
    )

    class Meta:
        model = Lead
        fields = [
            "code",
            "district_office",
            "division_code",
            "enterprise_name",
            "uscc",
            "need_type",
            "urgency",
            "source",
            "description",
            "status",
            "conversion",
            "reported_at",
            "first_contact_at",
            "converted_at",
            "outcome_note",
            "application",
            "training_event",
        ]


class LeadInputSerializer(serializers.Serializer):
    enterprise_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    uscc = serializers.CharField(max_length=30)
    need_type = serializers.ChoiceField(choices=NeedType.choices)
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)
    source = serializers.ChoiceField(choices=LeadSource.choices)
    description = serializers.CharField()
    contact_name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    contact_email = serializers.EmailField(required=False, allow_blank=True)
    contact_phone = serializers.CharField(max_length=40, required=False, allow_blank=True)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ConvertSerializer(serializers.Serializer):
    conversion = serializers.ChoiceField(choices=Conversion.choices)
    event = serializers.SlugRelatedField(
        slug_field="code", queryset=Event.objects.all(), required=False, allow_null=True
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")


class LeadViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Leads the caller may see: a district office's own, or all for the Center."""

    serializer_class = LeadSerializer
    filterset_class = LeadFilter
    lookup_field = "code"
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self):
        return (
            Lead.objects.visible_to(self.request.user)
            .select_related("district_office", "application", "training_event")
            .order_by("-reported_at", "-pk")
        )

    def _output(self, lead: Lead, code=status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=lead.pk)).data, status=code)

    def _staff_lead(self) -> Lead:
        lead = self.get_object()
        if not is_center_staff(self.request.user):
            raise PermissionDenied
        return lead

    @extend_schema(request=LeadInputSerializer, responses={201: LeadSerializer})
    def create(self, request):
        """Report a lead for the caller's district (district officers)."""
        data = LeadInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        lead = services.report_lead(actor=request.user, **data.validated_data)
        return self._output(lead, status.HTTP_201_CREATED)

    @extend_schema(request=NoteSerializer, responses=LeadSerializer)
    @action(detail=True, methods=["post"])
    def contact(self, request, code=None):
        """Record the Center's first contact with the enterprise."""
        lead = self._staff_lead()
        data = NoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.record_first_contact(actor=request.user, lead=lead, **data.validated_data)
        return self._output(lead)

    @extend_schema(request=ConvertSerializer, responses=LeadSerializer)
    @action(detail=True, methods=["post"])
    def convert(self, request, code=None):
        """Convert into a guidance application, a training invitation or a funding consultation."""
        lead = self._staff_lead()
        data = ConvertSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.convert_lead(actor=request.user, lead=lead, **data.validated_data)
        return self._output(lead)

    @extend_schema(request=NoteSerializer, responses=LeadSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, code=None):
        """Close without action, with the reason the district reads."""
        lead = self._staff_lead()
        data = NoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.close_lead(actor=request.user, lead=lead, **data.validated_data)
        return self._output(lead)


ROUTES = [("leads", LeadViewSet, "lead")]
