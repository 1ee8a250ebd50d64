"""Self-check API: the enterprise's own checks (and every check for the Center); POST scores a
new answer set through the same service as the page."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from oipa.core.taxonomy.models import Industry

from . import services
from .models import SelfCheck


class SelfCheckSerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name")
    industry = serializers.CharField(source="industry.code")

    class Meta:
        model = SelfCheck
        fields = [
            "code",
            "organization",
            "year",
            "version",
            "industry",
            "district",
            "answers",
            "section_scores",
            "total_score",
            "submitted_at",
        ]


class SelfCheckInputSerializer(serializers.Serializer):
    industry = serializers.SlugRelatedField(slug_field="code", queryset=Industry.objects.all())
    answers = serializers.DictField(child=serializers.CharField())


class SelfCheckViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = SelfCheckSerializer
    lookup_field = "code"

    def get_queryset(self):
        return SelfCheck.objects.visible_to(self.request.user).select_related(
            "organization", "industry"
        )

    def create(self, request, *args, **kwargs):
        data = SelfCheckInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            check = services.submit_self_check(actor=request.user, **data.validated_data)
        except PermissionDenied:
            raise NotFound from None
        return Response(SelfCheckSerializer(check).data, status=status.HTTP_201_CREATED)


ROUTES = [("self-checks", SelfCheckViewSet, "self-check")]
