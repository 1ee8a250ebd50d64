"""The information-service API: published profiles (with their deadline facts), typical cases,
guides, bulletins, and the one search. Read-only and open to anonymous callers, like the public
pages; Center users also see unpublished items through the same `visible_to`."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from .filters import BulletinFilter, CaseFilter, GuideFilter, ProfileFilter
from .forms import SearchForm
from .models import Bulletin, CountryProfile, DeadlineFact, Guide, TypicalCase
from .search.query import Filters, search

SEARCH_LIMIT = 50


class DeadlineFactSerializer(serializers.ModelSerializer):
    class Meta:
        model = DeadlineFact
        fields = [
            "event", "amount", "unit", "starts_from", "extension_zh", "extension_en",
            "legal_basis", "source_url",
        ]  # fmt: skip


class ProfileSerializer(serializers.ModelSerializer):
    jurisdiction = serializers.CharField(source="jurisdiction.code")
    deadlines = DeadlineFactSerializer(many=True)

    class Meta:
        model = CountryProfile
        fields = [
            "code", "status", "jurisdiction", "title_zh", "title_en", "summary_zh",
            "summary_en", "offices", "courts", "litigation_stages", "customs_zh", "customs_en",
            "remedies_zh", "remedies_en", "costs_zh", "costs_en", "language_zh",
            "language_en", "tips_zh", "tips_en", "sources", "last_reviewed", "published_at",
            "deadlines",
        ]  # fmt: skip


class CaseSerializer(serializers.ModelSerializer):
    jurisdiction = serializers.CharField(source="jurisdiction.code")
    industry = serializers.CharField(source="industry.code", default="")

    class Meta:
        model = TypicalCase
        fields = [
            "code", "status", "jurisdiction", "forum", "ip_type", "dispute_type", "industry",
            "title_zh", "title_en", "parties", "decided_on", "facts_zh", "facts_en",
            "result_zh", "result_en", "lessons_zh", "lessons_en", "source_url",
            "published_at",
        ]  # fmt: skip


class _Tagged(serializers.ModelSerializer):
    jurisdictions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    industries = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)


class GuideSerializer(_Tagged):
    class Meta:
        model = Guide
        fields = [
            "code", "status", "title_zh", "title_en", "summary_zh", "summary_en",
            "jurisdictions", "industries", "ip_types", "business_models", "published_at",
        ]  # fmt: skip


class BulletinSerializer(_Tagged):
    class Meta:
        model = Bulletin
        fields = [
            "code", "status", "title_zh", "title_en", "body_zh", "body_en", "jurisdictions",
            "industries", "ip_types", "published_at",
        ]  # fmt: skip


class _ContentViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    lookup_field = "code"
    model: type = CountryProfile
    related: tuple[str, ...] = ()
    prefetched: tuple[str, ...] = ()

    def get_queryset(self):
        queryset = self.model.objects.visible_to(self.request.user)
        return queryset.select_related(*self.related).prefetch_related(*self.prefetched)


class ProfileViewSet(_ContentViewSet):
    model, related, prefetched = CountryProfile, ("jurisdiction",), ("deadlines",)
    serializer_class = ProfileSerializer
    filterset_class = ProfileFilter


class CaseViewSet(_ContentViewSet):
    model, related = TypicalCase, ("jurisdiction", "industry")
    serializer_class = CaseSerializer
    filterset_class = CaseFilter


class GuideViewSet(_ContentViewSet):
    model, prefetched = Guide, ("jurisdictions", "industries")
    serializer_class = GuideSerializer
    filterset_class = GuideFilter


class BulletinViewSet(_ContentViewSet):
    model, prefetched = Bulletin, ("jurisdictions", "industries")
    serializer_class = BulletinSerializer
    filterset_class = BulletinFilter


class SearchHitSerializer(serializers.Serializer):
    kind = serializers.CharField()
    key = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    title_html = serializers.CharField()
    snippet_html = serializers.CharField()
    jurisdictions = serializers.ListField(child=serializers.CharField())
    ip_types = serializers.ListField(child=serializers.CharField())
    industries = serializers.ListField(child=serializers.CharField())


class SearchResultSerializer(serializers.Serializer):
    tokens = serializers.ListField(child=serializers.CharField())
    total = serializers.IntegerField()
    results = SearchHitSerializer(many=True)
    facets = serializers.DictField(child=serializers.DictField(child=serializers.IntegerField()))


SEARCH_PARAMETERS = [
    OpenApiParameter(name, str, required=False)
    for name in ("q", "kind", "jurisdiction", "ip_type", "industry")
]


class SearchViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """`?q=` plus optional `kind`, `jurisdiction`, `ip_type`, `industry`: ranked public hits
    with highlighted snippets and facet counts. Bad input gives an empty result, never an error."""

    permission_classes = [AllowAny]
    pagination_class = None
    filter_backends: list = []
    serializer_class = SearchResultSerializer

    @extend_schema(parameters=SEARCH_PARAMETERS, responses=SearchResultSerializer)
    def list(self, request, *args, **kwargs):
        form = SearchForm(request.query_params)
        if not form.is_valid() or not form.cleaned_data["q"]:
            return Response({"tokens": [], "total": 0, "results": [], "facets": {}})
        data = form.cleaned_data
        filters = Filters(
            kind=data["kind"],
            jurisdiction=data["jurisdiction"],
            ip_type=data["ip_type"],
            industry=data["industry"],
        )
        results = search(data["q"], filters=filters, limit=SEARCH_LIMIT)
        hits = [
            {
                "kind": h.kind,
                "key": h.key,
                "title": h.title,
                "url": h.url,
                "title_html": str(h.title_html),
                "snippet_html": str(h.snippet_html),
                "jurisdictions": list(h.jurisdictions),
                "ip_types": list(h.ip_types),
                "industries": list(h.industries),
            }
            for h in results.hits
        ]
        facets = {name: dict(counter) for name, counter in results.facets.items()}
        return Response(
            {"tokens": results.tokens, "total": results.total, "results": hits, "facets": facets}
        )


ROUTES = [
    ("knowledge/profiles", ProfileViewSet, "knowledge-profile"),
    ("knowledge/cases", CaseViewSet, "knowledge-case"),
    ("knowledge/guides", GuideViewSet, "knowledge-guide"),
    ("knowledge/bulletins", BulletinViewSet, "knowledge-bulletin"),
    ("knowledge/search", SearchViewSet, "knowledge-search"),
]
