"""The applications viewset: the same querysets, access rules and services as the UI.

Lists and objects are scoped by `Application.objects.visible_to`, so a hidden case answers 404
like a missing one; a visible case the caller may not act on answers 403 (the services decide);
a service's ValidationError becomes 400 through the project's exception handler.
"""

from __future__ import annotations

import uuid

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from .. import services
from ..access import can_act_as_center, can_read_content
from ..models import Application
from .serializers import (
    AcceptSerializer,
    AnswerSerializer,
    ApplicationInputSerializer,
    ApplicationSerializer,
    AssignExpertSerializer,
    AttachmentSerializer,
    ConcludeSerializer,
    FeedbackSerializer,
    MessageInputSerializer,
    MessageSerializer,
    ReasonSerializer,
    RequestInfoSerializer,
    WithdrawSerializer,
)

UUID_PATTERN = "[0-9a-fA-F-]{36}"
IDEMPOTENCY_NAMESPACE = uuid.UUID("6f1b8f52-4d0c-4a5e-9a55-0a3e2b7c1d90")
IDEMPOTENCY_HEADER = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=_(
        "Any string up to 200 characters; sending the same key again returns the application "
        "created the first time instead of a second one."
    ),
)


class MinimalApplicationFilter(django_filters.FilterSet):
    """Used until the workbench FilterSet exists."""

    class Meta:
        model = Application
        fields = ["status", "dispute_type"]


def application_filterset():
    """The workbench's ApplicationFilter (one FilterSet for the UI and the API) when present."""
    try:
        from ..filters import ApplicationFilter
    except ModuleNotFoundError as exc:
        if exc.name != "oipa.assistance.filters":
            raise
        return MinimalApplicationFilter
    return ApplicationFilter


def idempotency_key(request) -> uuid.UUID | None:
    """The Idempotency-Key header as a UUID (other strings are mapped to one, stably)."""
    raw = request.headers.get("Idempotency-Key", "").strip()
    if not raw:
        return None
    if len(raw) > 200:
        raise ValidationError({"Idempotency-Key": [_("Use a key of at most 200 characters.")]})
    try:
        return uuid.UUID(raw)
    except ValueError:
        return uuid.uuid5(IDEMPOTENCY_NAMESPACE, raw)


class ApplicationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Guidance applications the caller may see: enterprises draft, submit and follow theirs;
    Center staff decide and act on cases. Actions call the same services as the UI."""

    serializer_class = ApplicationSerializer
    lookup_field = "code"
    lookup_value_regex = UUID_PATTERN

    @property
    def filterset_class(self):
        return application_filterset()

    def get_queryset(self):
        return (
            Application.objects.visible_to(self.request.user)
            .select_related("applicant", "industry", "case_officer")
            .prefetch_related("jurisdictions", "parties")
            .order_by("-created_at", "-pk")
        )

    def _output(self, application: Application, code=status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=application.pk)
        return Response(self.get_serializer(fresh).data, status=code)

    def _input(self, serializer_class, **kwargs):
        serializer = serializer_class(
            data=self.request.data, context=self.get_serializer_context(), **kwargs
        )
        serializer.is_valid(raise_exception=True)
        return serializer

    def _act(self, service, serializer_class=None, *, staff: bool = False) -> Response:
        """Fetch (404 when hidden), refuse non-staff before reading input for staff actions,
        validate the input, call the service, answer with the application."""
        application = self.get_object()
        if staff and not can_act_as_center(self.request.user):
            raise PermissionDenied
        data = self._input(serializer_class).validated_data if serializer_class else {}
        service(actor=self.request.user, application=application, **data)
        return self._output(application)

    def _readable(self) -> Application:
        application = self.get_object()
        if not can_read_content(self.request.user, application):
            raise PermissionDenied
        return application

    @extend_schema(
        request=ApplicationInputSerializer,
        responses={201: ApplicationSerializer},
        parameters=[IDEMPOTENCY_HEADER],
    )
    def create(self, request):
        """Start a draft for the caller's enterprise (idempotent with Idempotency-Key)."""
        fields = self._input(ApplicationInputSerializer).to_service_fields()
        key = idempotency_key(request)
        application = services.create_draft(actor=request.user, idempotency_key=key, **fields)
        return self._output(application, status.HTTP_201_CREATED)

    @extend_schema(request=ApplicationInputSerializer, responses=ApplicationSerializer)
    def partial_update(self, request, code=None):
        """Save fields of a draft (or of an application answering a request for material)."""
        application = self.get_object()
        fields = self._input(ApplicationInputSerializer, partial=True).to_service_fields()
        services.save_draft(actor=request.user, application=application, **fields)
        return self._output(application)

    @extend_schema(request=None, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, code=None):
        """Submit a complete draft: eligibility, case number, acceptance clock."""
        return self._act(services.submit_application)

    @extend_schema(request=WithdrawSerializer, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, code=None):
        return self._act(services.withdraw_application, WithdrawSerializer)

    @extend_schema(request=AnswerSerializer, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def answer_info(self, request, code=None):
        return self._act(services.answer_information_request, AnswerSerializer)

    @extend_schema(request=FeedbackSerializer, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def feedback(self, request, code=None):
        return self._act(services.give_feedback, FeedbackSerializer)

    @extend_schema(methods=["GET"], request=None, responses=MessageSerializer(many=True))
    @extend_schema(
        methods=["POST"], request=MessageInputSerializer, responses={201: MessageSerializer}
    )
    @action(detail=True, methods=["get", "post"])
    def messages(self, request, code=None):
        """The case's messages; POST adds one (to the other side)."""
        application = self._readable()
        if request.method == "GET":
            found = application.messages.select_related("author")
            return Response(MessageSerializer(found, many=True).data)
        data = self._input(MessageInputSerializer).validated_data
        message = services.post_message(actor=request.user, application=application, **data)
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["GET"], request=None, responses=AttachmentSerializer(many=True))
    @extend_schema(
        methods=["POST"], request=AttachmentSerializer, responses={201: AttachmentSerializer}
    )
    @action(detail=True, methods=["get", "post"], parser_classes=[MultiPartParser, FormParser])
    def files(self, request, code=None):
        """The case's files; POST uploads one (multipart: `file`, `kind`)."""
        application = self._readable()
        if request.method == "GET":
            found = application.attachments.order_by("uploaded_at", "pk")
            return Response(AttachmentSerializer(found, many=True).data)
        data = self._input(AttachmentSerializer).validated_data
        attachment = services.upload_attachment(
            actor=request.user, application=application, upload=data["file"], kind=data["kind"]
        )
        return Response(AttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AcceptSerializer, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, code=None):
        return self._act(services.accept_application, AcceptSerializer, staff=True)

    @extend_schema(request=ReasonSerializer, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def decline(self, request, code=None):
        return self._act(services.decline_application, ReasonSerializer, staff=True)

    @extend_schema(request=RequestInfoSerializer, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def request_info(self, request, code=None):
        return self._act(services.request_more_information, RequestInfoSerializer, staff=True)

    @extend_schema(request=ConcludeSerializer, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def conclude(self, request, code=None):
        return self._act(services.conclude_application, ConcludeSerializer, staff=True)

    @extend_schema(request=None, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, code=None):
        return self._act(services.close_application, staff=True)

    @extend_schema(request=ReasonSerializer, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, code=None):
        return self._act(services.reopen_application, ReasonSerializer, staff=True)

    @extend_schema(request=AssignExpertSerializer, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def assign_expert(self, request, code=None):
        return self._act(services.assign_expert, AssignExpertSerializer, staff=True)
