"""Directory API (DRF): the same querysets, FilterSets and services as the pages.

Listings are public (no login needed to read). Institution staff propose changes to their own
listing with POST `institutions/{code}/changes/`; the change waits for the Center's review.
A hidden listing answers 404 like a missing one; a service's ValidationError becomes 400.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from . import services
from .access import get_institution_for_user
from .filters import InstitutionFilter, MediationBodyFilter
from .listing import InstitutionDetails
from .models import Institution, ListingChange, MediationBody

UUID_PATTERN = "[0-9a-fA-F-]{36}"


class InstitutionSerializer(serializers.ModelSerializer):
    countries = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    quality_years = serializers.SerializerMethodField()

    class Meta:
        model = Institution
        fields = [
            "code",
            "status",
            "name_zh",
            "name_en",
            "kind",
            "uscc",
            "countries",
            "services",
            "languages",
            "partners",
            "description",
            "contact_person",
            "phone",
            "email",
            "website",
            "address",
            "quality_years",
            "listed_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_quality_years(self, institution: Institution) -> list[int]:
        return sorted(
            entry.edition.year
            for entry in institution.quality_entries.all()
            if entry.edition.published_on is not None
        )


class PartnerSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    country = serializers.CharField(max_length=2)


class InstitutionInputSerializer(serializers.Serializer):
    """Every value of a listing, as in the page's form (codes for countries and languages)."""

    name_zh = serializers.CharField(max_length=200)
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    kind = serializers.CharField(max_length=20)
    uscc = serializers.CharField(max_length=30, required=False, allow_blank=True)
    countries = serializers.ListField(child=serializers.CharField(max_length=2), required=False)
    services = serializers.ListField(child=serializers.CharField(max_length=20), required=False)
    languages = serializers.ListField(child=serializers.CharField(max_length=5), required=False)
    partners = PartnerSerializer(many=True, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    contact_person = serializers.CharField(max_length=100, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    email = serializers.CharField(max_length=254, required=False, allow_blank=True)
    website = serializers.CharField(max_length=300, required=False, allow_blank=True)
    address = serializers.CharField(max_length=300, required=False, allow_blank=True)

    def details(self) -> InstitutionDetails:
        data = dict(self.validated_data)
        for name in ("countries", "services", "languages"):
            data[name] = tuple(data.get(name, ()))
        data["partners"] = tuple((p["name"], p["country"]) for p in data.get("partners", ()))
        return InstitutionDetails(**data)


class ChangeSerializer(serializers.ModelSerializer):
    institution = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = ListingChange
        fields = ["code", "institution", "status", "data", "proposed_at", "reviewed_at", "reason"]
        read_only_fields = fields


class InstitutionViewSet(viewsets.ReadOnlyModelViewSet):
    """Service institutions in the directory; filter with the page's filters."""

    serializer_class = InstitutionSerializer
    filterset_class = InstitutionFilter
    lookup_field = "code"
    lookup_value_regex = UUID_PATTERN
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        return (
            Institution.objects.visible_to(self.request.user)
            .prefetch_related("countries", "quality_entries__edition")
            .order_by("name_zh", "pk")
            .distinct()
        )

    @action(
        detail=True,
        methods=["post"],
        permission_classes=[permissions.IsAuthenticated],
        serializer_class=InstitutionInputSerializer,
    )
    def changes(self, request, code=None):
        """Propose a change to your institution's listing (institution staff)."""
        institution = get_institution_for_user(request.user, code, write=True)
        serializer = InstitutionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            change = services.propose_institution_change(
                actor=request.user, institution=institution, details=serializer.details()
            )
        except PermissionDenied as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
        return Response(ChangeSerializer(change).data, status=status.HTTP_201_CREATED)


class MediationBodySerializer(serializers.ModelSerializer):
    jurisdictions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = MediationBody
        fields = [
            "code",
            "status",
            "name_zh",
            "name_en",
            "kind",
            "dispute_types",
            "jurisdictions",
            "rules_url",
            "description",
            "contact_person",
            "phone",
            "email",
            "website",
            "address",
            "updated_at",
        ]
        read_only_fields = fields


class MediationBodyViewSet(viewsets.ReadOnlyModelViewSet):
    """Mediation and arbitration bodies in the directory."""

    serializer_class = MediationBodySerializer
    filterset_class = MediationBodyFilter
    lookup_field = "code"
    lookup_value_regex = UUID_PATTERN
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        return (
            MediationBody.objects.visible_to(self.request.user)
            .prefetch_related("jurisdictions")
            .order_by("name_zh", "pk")
            .distinct()
        )


ROUTES = [
    ("directory/institutions", InstitutionViewSet, "directory-institution"),
    ("directory/mediation-bodies", MediationBodyViewSet, "directory-mediation-body"),
]
