"""Messages between the enterprise and the Center on a case."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ..access import can_read_content, is_applicant
from ..models import Application, Message
from ._common import audit as audit_case
from ._common import (
    center_handlers,
    enterprise_contacts,
    notify_event,
    require_guide,
    require_submitted,
)


def add_message(*, actor, application: Application, body: str) -> Message:
    """Store a message without notifying (the calling service sends its own notice)."""
    return Message.objects.create(application=application, author=actor, body=body.strip())


def post_message(*, actor, application: Application, body: str, audit: bool = True) -> Message:
    """A message on a submitted case from the enterprise, or from Center staff or an assigned
    expert who may read the case; delivered to the other side."""
    body = body or ""
    if not body.strip():
        raise ValidationError({"body": _("Write a message.")})
    if not can_read_content(actor, application):
        raise PermissionDenied
    from_applicant = is_applicant(actor, application)
    if not from_applicant:
        require_guide(actor, application)
    require_submitted(application)
    with transaction.atomic():
        message = add_message(actor=actor, application=application, body=body)
        if audit:
            audit_case(actor, application, "assistance.message_posted")
        recipients = (
            center_handlers(application) if from_applicant else enterprise_contacts(application)
        )
        notify_event(
            application,
            f"message-{message.pk}",
            recipients,
            _lazy("New message on your case"),
            body.strip()[:500],
            actor=actor,
        )
    return message
