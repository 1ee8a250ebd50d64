"""Serializers of the applications API: explicit input serializers for every write, and the
output serializer that redacts a confidential case for those who may not read it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from oipa.accounts.models import Role, User
from oipa.core.taxonomy.choices import DisputeType, IPType
from oipa.core.taxonomy.models import Industry, Jurisdiction

from ..access import can_read_content
from ..models import Application, Attachment, ExpertRole, Message, OurRole, Outcome, PartyKind
from ..services.drafting import deadline_errors
from ..sla import urgency_of

REDACTED_FIELDS = ("code", "number", "status", "confidential")


class PartySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(PartyKind.choices, default=PartyKind.COUNTERPARTY)
    name = serializers.CharField(max_length=300)
    uscc = serializers.CharField(max_length=18, required=False, allow_blank=True)
    country = serializers.CharField(max_length=2, required=False, allow_blank=True)


class UrgencySerializer(serializers.Serializer):
    level = serializers.CharField()
    label = serializers.CharField()
    working_days_left = serializers.IntegerField(allow_null=True)
    provisional = serializers.BooleanField()


@extend_schema_field(UrgencySerializer)
class UrgencyField(serializers.Field):
    """The urgency of the response deadline, counted in Chinese working days."""

    def to_representation(self, application):
        urgency = urgency_of(application.response_deadline)
        return {
            "level": urgency.level,
            "label": urgency.label,
            "working_days_left": urgency.working_days_left,
            "provisional": urgency.provisional,
        }


def _optional_text(max_length: int | None = None) -> serializers.CharField:
    return serializers.CharField(max_length=max_length, required=False, allow_blank=True)


class ApplicationInputSerializer(serializers.Serializer):
    """What an enterprise fills in; every field optional, since a draft may be incomplete.
    Completeness is checked on submission."""

    title = _optional_text(200)
    ip_types = serializers.ListField(child=serializers.ChoiceField(IPType.choices), required=False)
    dispute_type = serializers.ChoiceField(DisputeType.choices, required=False, allow_blank=True)
    jurisdictions = serializers.SlugRelatedField(
        many=True, slug_field="code", queryset=Jurisdiction.objects.all(), required=False
    )
    forum = _optional_text(200)
    our_role = serializers.ChoiceField(OurRole.choices, required=False, allow_blank=True)
    case_numbers = _optional_text(300)
    served_on = serializers.DateField(required=False, allow_null=True)
    response_deadline = serializers.DateField(required=False, allow_null=True)
    hearing_on = serializers.DateField(required=False, allow_null=True)
    ipc_codes = serializers.ListField(child=serializers.CharField(max_length=20), required=False)
    nice_classes = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=45), required=False
    )
    industry = serializers.SlugRelatedField(
        slug_field="code", queryset=Industry.objects.all(), required=False, allow_null=True
    )
    products = _optional_text()
    amount_at_stake = serializers.DecimalField(
        max_digits=16, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    currency = _optional_text(3)
    description = _optional_text()
    help_wanted = _optional_text()
    consent_data_use = serializers.BooleanField(required=False)
    consent_share_contacts = serializers.BooleanField(required=False)
    confidential = serializers.BooleanField(required=False)
    parties = PartySerializer(many=True, required=False)

    def validate_response_deadline(self, value):
        errors = deadline_errors(value)
        if errors:
            raise ValidationError(errors)
        return value

    def to_service_fields(self) -> dict:
        data = dict(self.validated_data)
        if "parties" in data:
            data["parties"] = [dict(party) for party in data["parties"]]
        return data


class ApplicationSerializer(serializers.ModelSerializer):
    """An application as its readers see it. For a confidential case the caller may not read,
    only code, number, status and confidential are returned."""

    applicant = serializers.CharField(source="applicant.name", required=False)
    ip_types = serializers.ListField(child=serializers.ChoiceField(IPType.choices), required=False)
    jurisdictions = serializers.SlugRelatedField(
        many=True, slug_field="code", queryset=Jurisdiction.objects.all(), required=False
    )
    industry = serializers.SlugRelatedField(
        slug_field="code", queryset=Industry.objects.all(), required=False, allow_null=True
    )
    ipc_codes = serializers.ListField(child=serializers.CharField(), required=False)
    nice_classes = serializers.ListField(child=serializers.IntegerField(), required=False)
    parties = PartySerializer(many=True, required=False)
    case_officer = serializers.CharField(required=False, allow_null=True)
    urgency = UrgencyField(source="*", required=False)

    class Meta:
        model = Application
        fields = [
            *REDACTED_FIELDS,
            "applicant",
            "title",
            "ip_types",
            "dispute_type",
            "jurisdictions",
            "forum",
            "our_role",
            "case_numbers",
            "served_on",
            "response_deadline",
            "hearing_on",
            "ipc_codes",
            "nice_classes",
            "industry",
            "products",
            "amount_at_stake",
            "currency",
            "description",
            "help_wanted",
            "consent_data_use",
            "consent_share_contacts",
            "parties",
            "case_officer",
            "joint_guidance",
            "urgency",
            "created_at",
            "submitted_at",
            "accepted_at",
            "first_guidance_at",
            "concluded_at",
            "closed_at",
            "decision_note",
            "outcome",
            "outcome_note",
            "satisfaction",
            "feedback",
        ]

    def to_representation(self, instance):
        request = self.context.get("request")
        if request is not None and not can_read_content(request.user, instance):
            return {name: getattr(instance, name) for name in REDACTED_FIELDS} | {
                "code": str(instance.code)
            }
        return super().to_representation(instance)


class MessageSerializer(serializers.ModelSerializer):
    author = serializers.CharField(read_only=True)

    class Meta:
        model = Message
        fields = ["author", "body", "created_at"]
        read_only_fields = ["created_at"]


class AttachmentSerializer(serializers.ModelSerializer):
    """A case file: upload with `file` and `kind` (multipart); the rest is read back."""

    file = serializers.FileField(write_only=True)

    class Meta:
        model = Attachment
        fields = [
            "code",
            "kind",
            "file",
            "original_name",
            "content_type",
            "size",
            "sha256",
            "uploaded_at",
        ]
        read_only_fields = ["original_name", "content_type", "size", "sha256", "uploaded_at"]


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class WithdrawSerializer(serializers.Serializer):
    reason = _optional_text(2000)


class AnswerSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=5000)


class FeedbackSerializer(serializers.Serializer):
    satisfaction = serializers.IntegerField(min_value=1, max_value=5)
    comment = _optional_text(2000)


class MessageInputSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000)


class RequestInfoSerializer(serializers.Serializer):
    request = serializers.CharField(max_length=5000)


class ConcludeSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(Outcome.choices)
    note = _optional_text(5000)


def _users_with(*roles: str):
    return User.objects.filter(
        memberships__role__in=roles, memberships__is_active=True, is_active=True
    ).distinct()


class AcceptSerializer(serializers.Serializer):
    case_officer = serializers.SlugRelatedField(
        slug_field="email",
        queryset=_users_with(Role.CENTER_STAFF, Role.CENTER_ADMIN),
        required=False,
        allow_null=True,
        help_text=_("Email of the Center staff member who handles the case (default: you)."),
    )


class AssignExpertSerializer(serializers.Serializer):
    expert = serializers.SlugRelatedField(slug_field="email", queryset=_users_with(Role.EXPERT))
    role = serializers.ChoiceField(ExpertRole.choices, default=ExpertRole.MEMBER)
