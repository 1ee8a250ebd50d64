"""Accounts API: the same querysets and access rules as the UI."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response

from .filters import OrganizationFilter
from .models import Organization


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = [
            "code",
            "kind",
            "name",
            "name_en",
            "uscc",
            "division_code",
            "province",
            "city",
            "district",
            "is_active",
        ]


class OrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    """Organizations the caller may see; others answer 404 like missing ones."""

    serializer_class = OrganizationSerializer
    lookup_field = "code"
    filter_backends = [DjangoFilterBackend]
    filterset_class = OrganizationFilter

    def get_queryset(self):
        return Organization.objects.visible_to(self.request.user).order_by("kind", "name")


class MeSerializer(serializers.Serializer):
    email = serializers.EmailField()
    full_name = serializers.CharField()
    role = serializers.CharField(allow_null=True)
    organization = OrganizationSerializer(allow_null=True)


@extend_schema(responses=MeSerializer)
@api_view(["GET"])
def me(request):
    """The caller's account, role and organization."""
    user = request.user
    data = {
        "email": user.email,
        "full_name": user.full_name,
        "role": user.role,
        "organization": user.organization,
    }
    return Response(MeSerializer(data).data)
