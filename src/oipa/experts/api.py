"""The expert pool API: profiles for Center staff (an expert sees their own), and the
expert's own invitations with accept/decline. Same querysets (`visible_to`), FilterSet and
services as the UI; a hidden object answers 404 like a missing one."""

from __future__ import annotations

from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from . import services
from .filters import ExpertProfileFilter
from .models import ExpertInvitation, ExpertProfile
from .recommend import expert_loads

UUID_PATTERN = "[0-9a-fA-F-]{36}"


class ExpertProfileSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="user.full_name", read_only=True)
    jurisdictions = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    ipc_entries = serializers.SlugRelatedField(many=True, read_only=True, slug_field="symbol")
    nice_classes = serializers.SlugRelatedField(many=True, read_only=True, slug_field="number")
    industries = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    load = serializers.SerializerMethodField()

    class Meta:
        model = ExpertProfile
        fields = [
            "code",
            "name",
            "category",
            "status",
            "employer",
            "title",
            "ip_types",
            "dispute_types",
            "jurisdictions",
            "ipc_entries",
            "nice_classes",
            "industries",
            "languages",
            "years_of_experience",
            "max_concurrent_cases",
            "load",
        ]

    def get_load(self, profile) -> int:
        loads = self.context.get("loads")
        if loads is None:
            loads = expert_loads([profile])
        return loads.get(profile.pk, 0)


class InvitationSerializer(serializers.ModelSerializer):
    application = serializers.UUIDField(source="application.code", read_only=True)
    case_number = serializers.CharField(source="application.number", read_only=True)
    expert = serializers.UUIDField(source="expert.code", read_only=True)

    class Meta:
        model = ExpertInvitation
        fields = [
            "code",
            "application",
            "case_number",
            "expert",
            "role",
            "status",
            "score",
            "reason",
            "invited_at",
            "responded_at",
            "decline_reason",
        ]


class InvitationAcceptSerializer(serializers.Serializer):
    no_conflict = serializers.BooleanField()


class DeclineSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


class ExpertProfileViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The pool (Center staff and auditors); an expert sees only their own profile."""

    serializer_class = ExpertProfileSerializer
    filterset_class = ExpertProfileFilter
    lookup_field = "code"
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self):
        return (
            ExpertProfile.objects.visible_to(self.request.user)
            .select_related("user")
            .prefetch_related("jurisdictions", "ipc_entries", "nice_classes", "industries")
            .order_by("pk")
        )

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        rows = page if page is not None else list(queryset)
        context = {**self.get_serializer_context(), "loads": expert_loads(rows)}
        data = ExpertProfileSerializer(rows, many=True, context=context).data
        return self.get_paginated_response(data) if page is not None else Response(data)


class InvitationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Invitations: the expert's own (accept or decline them here); all of them for the Center."""

    serializer_class = InvitationSerializer
    lookup_field = "code"
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self):
        return (
            ExpertInvitation.objects.visible_to(self.request.user)
            .select_related("application", "expert")
            .order_by("-invited_at", "-pk")
        )

    def _validated(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    @action(detail=True, methods=["post"], serializer_class=InvitationAcceptSerializer)
    def accept(self, request, code=None):
        invitation = self.get_object()
        data = self._validated(InvitationAcceptSerializer)
        services.accept_invitation(
            actor=request.user, invitation=invitation, no_conflict=data["no_conflict"]
        )
        invitation.refresh_from_db()
        return Response(InvitationSerializer(invitation).data)

    @action(detail=True, methods=["post"], serializer_class=DeclineSerializer)
    def decline(self, request, code=None):
        invitation = self.get_object()
        data = self._validated(DeclineSerializer)
        services.decline_invitation(
            actor=request.user, invitation=invitation, reason=data["reason"]
        )
        invitation.refresh_from_db()
        return Response(InvitationSerializer(invitation).data)


ROUTES = [
    ("experts", ExpertProfileViewSet, "expert"),
    ("expert-invitations", InvitationViewSet, "expert-invitation"),
]
