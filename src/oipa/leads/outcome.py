"""What became of a lead, in words the district office reads on the lead's page."""

from __future__ import annotations

from django.utils.translation import gettext as _

from oipa.training.models import Registration

from .models import Conversion, Lead, LeadStatus


def outcome_of(lead: Lead) -> str:
    """The lead's outcome: waiting, contacted, closed (with reason), or what its conversion
    led to (the guidance application's state, the training registration's state)."""
    if lead.status == LeadStatus.NEW:
        return _("Waiting for the Center.")
    if lead.status == LeadStatus.CONTACTED:
        return _("The Center has contacted the enterprise.")
    if lead.status == LeadStatus.CLOSED:
        return _("Closed without action.")
    if lead.conversion == Conversion.GUIDANCE:
        if lead.application is None:
            return _("Invited to apply for guidance; the enterprise has not started yet.")
        return _("Guidance application %(number)s: %(status)s.") % {
            "number": lead.application.number or _("(draft)"),
            "status": lead.application.get_status_display(),
        }
    if lead.conversion == Conversion.TRAINING and lead.training_event is not None:
        registration = (
            Registration.objects.filter(event=lead.training_event, organization__uscc=lead.uscc)
            .order_by("-created_at")
            .first()
        )
        if registration is None:
            return _("Invited to “%(title)s”; not registered yet.") % {
                "title": lead.training_event.title
            }
        return _("Invited to “%(title)s”: %(status)s.") % {
            "title": lead.training_event.title,
            "status": registration.get_status_display(),
        }
    return _("Funding consultation offered.")
