"""The squatting-watch API: watched marks (enterprises their own, the Center all; enterprises
add their own), warnings (the enterprise's own; the Center all) and similarity hits (the Center,
which may dismiss one). Same querysets (`visible_to`), FilterSet and services as the UI."""

from __future__ import annotations

from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from . import services
from .filters import HitFilter
from .models import Hit, RiskWarning, WatchedMark


class WatchedMarkSerializer(serializers.ModelSerializer):
    class Meta:
        model = WatchedMark
        fields = [
            "code",
            "word_mark",
            "pinyin",
            "pinyin_joined",
            "english_forms",
            "nice_classes",
            "jurisdictions",
            "is_active",
        ]
        read_only_fields = ["code", "pinyin", "pinyin_joined", "is_active"]


class WatchedMarkInput(serializers.Serializer):
    word_mark = serializers.CharField(max_length=200)
    english_forms = serializers.ListField(child=serializers.CharField(), required=False)
    nice_classes = serializers.ListField(child=serializers.IntegerField(), required=False)
    jurisdictions = serializers.ListField(child=serializers.CharField(), required=False)


class PublicationFields(serializers.Serializer):
    office = serializers.CharField(source="publication.office")
    serial_number = serializers.CharField(source="publication.serial_number")
    mark = serializers.CharField(source="publication.mark_text")
    owner = serializers.CharField(source="publication.owner_name")
    published_on = serializers.DateField(source="publication.publication_date")


class WarningSerializer(PublicationFields, serializers.ModelSerializer):
    class Meta:
        model = RiskWarning
        fields = [
            "code",
            "office",
            "serial_number",
            "mark",
            "owner",
            "published_on",
            "deadline",
            "created_at",
            "read_at",
            "acted_at",
        ]


class HitSerializer(PublicationFields, serializers.ModelSerializer):
    watched_mark = serializers.CharField(source="watched_mark.word_mark")

    class Meta:
        model = Hit
        fields = [
            "code",
            "office",
            "serial_number",
            "mark",
            "owner",
            "published_on",
            "watched_mark",
            "score",
            "rule",
            "form",
            "classes_in_common",
            "related_classes",
            "deadline",
            "status",
        ]


class WatchedMarkViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = WatchedMarkSerializer
    lookup_field = "code"

    def get_queryset(self):
        return WatchedMark.objects.visible_to(self.request.user).order_by("word_mark", "pk")

    def create(self, request, *args, **kwargs):
        data = WatchedMarkInput(data=request.data)
        data.is_valid(raise_exception=True)
        mark = services.add_watched_mark(actor=request.user, **data.validated_data)
        return Response(WatchedMarkSerializer(mark).data, status=201)


class WarningViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = WarningSerializer
    lookup_field = "code"

    def get_queryset(self):
        return RiskWarning.objects.visible_to(self.request.user).select_related("publication")


class HitViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = HitSerializer
    filterset_class = HitFilter
    lookup_field = "code"

    def get_queryset(self):
        return Hit.objects.visible_to(self.request.user).select_related(
            "publication", "watched_mark"
        )

    @action(detail=True, methods=["post"])
    def dismiss(self, request, code=None):
        hit = services.dismiss_hit(actor=request.user, hit=self.get_object())
        return Response(HitSerializer(hit).data)


ROUTES = [
    ("watch/marks", WatchedMarkViewSet, "watched-mark"),
    ("watch/warnings", WarningViewSet, "risk-warning"),
    ("watch/hits", HitViewSet, "watch-hit"),
]
