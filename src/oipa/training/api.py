"""The training API: events (read, register) and the caller's registrations (read, cancel).

Same querysets (`visible_to`), FilterSet and services as the pages; a hidden object answers
404, a service's ValidationError 400 (project exception handler), PermissionDenied 403.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from . import services
from .filters import EventFilter
from .models import Event, Registration

UUID_PATTERN = "[0-9a-fA-F-]{36}"


class EventSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    seats_left = serializers.IntegerField(read_only=True)
    speakers = serializers.StringRelatedField(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "code",
            "kind",
            "kind_label",
            "title",
            "description",
            "audience",
            "division_code",
            "starts_at",
            "ends_at",
            "venue",
            "online_url",
            "capacity",
            "seats_left",
            "status",
            "speakers",
        ]


class RegistrationSerializer(serializers.ModelSerializer):
    event = serializers.UUIDField(source="event.code", read_only=True)
    organization = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = Registration
        fields = [
            "code",
            "event",
            "organization",
            "attendee_name",
            "attendee_email",
            "status",
            "created_at",
            "attended",
            "rating",
        ]


class RegisterSerializer(serializers.Serializer):
    attendee_name = serializers.CharField(max_length=120)
    attendee_email = serializers.EmailField()


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    """Events every member may see; enterprises register through `register`."""

    serializer_class = EventSerializer
    filterset_class = EventFilter
    lookup_field = "code"
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self):
        return (
            Event.objects.visible_to(self.request.user)
            .prefetch_related("speakers")
            .order_by("starts_at", "pk")
        )

    @extend_schema(request=RegisterSerializer, responses={201: RegistrationSerializer})
    @action(detail=True, methods=["post"])
    def register(self, request, code=None):
        """Register the caller's enterprise: a seat, or the waiting list when full."""
        event = self.get_object()
        data = RegisterSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        registration = services.register_for_event(
            actor=request.user, event=event, **data.validated_data
        )
        return Response(RegistrationSerializer(registration).data, status=status.HTTP_201_CREATED)


class RegistrationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The registrations the caller may see (their enterprise's; all for the Center)."""

    serializer_class = RegistrationSerializer
    lookup_field = "code"
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self):
        return (
            Registration.objects.visible_to(self.request.user)
            .select_related("event", "organization")
            .order_by("-created_at", "-pk")
        )

    @extend_schema(request=None, responses=RegistrationSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, code=None):
        """Cancel the registration; the next enterprise on the waiting list moves up."""
        registration = self.get_object()
        services.cancel_registration(actor=request.user, registration=registration)
        registration.refresh_from_db()
        return Response(RegistrationSerializer(registration).data)


ROUTES = [
    ("training/events", EventViewSet, "training-event"),
    ("training/registrations", RegistrationViewSet, "training-registration"),
]
