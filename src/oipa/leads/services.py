"""Every write on demand leads: a district office reports one; the Center contacts the
enterprise, converts the lead (guidance application, training invitation, funding consultation)
or closes it; the enterprise starts the prefilled guidance application it was invited to."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.accounts.models import Membership, Organization, OrgKind, Role
from oipa.assistance import services as assistance
from oipa.assistance.models import Application
from oipa.core import regions
from oipa.core.audit.services import record_event
from oipa.core.notifications.models import Category
from oipa.core.notifications.services import notify
from oipa.training.models import Event, EventStatus

from .access import is_center_staff, is_district_officer
from .models import TRANSITIONS, Conversion, Lead, LeadSource, LeadStatus, NeedType, Urgency


def report_lead(
    *,
    actor,
    enterprise_name: str,
    uscc: str,
    need_type: str,
    description: str,
    source: str,
    urgency: str = Urgency.NORMAL,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
) -> Lead:
    """A district officer reports an enterprise's need for their own district. The USCC is
    validated (python-stdnum); when a registered enterprise has it, the lead is attached to it
    and its name is taken when none is typed. Center staff are told of the new lead."""
    if not is_district_officer(actor):
        raise PermissionDenied
    office = actor.membership.organization
    if not _is_district_code(office.division_code):
        raise ValidationError(
            _("Your office has no Beijing district on record; ask the Center to set it.")
        )
    errors: dict[str, list[str]] = {}
    try:
        uscc = regions.parse_uscc(uscc).code
    except ValidationError as exc:
        errors["uscc"] = exc.messages
    enterprise = (
        Organization.objects.filter(kind=OrgKind.ENTERPRISE, uscc=uscc).first()
        if "uscc" not in errors
        else None
    )
    enterprise_name = enterprise_name.strip() or (enterprise.name if enterprise else "")
    errors.update(_field_errors(enterprise_name, need_type, urgency, source, description))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        lead = Lead.objects.create(
            district_office=office,
            division_code=office.division_code,
            enterprise=enterprise,
            enterprise_name=enterprise_name[:200],
            uscc=uscc,
            contact_name=contact_name.strip(),
            contact_email=contact_email.strip().lower(),
            contact_phone=contact_phone.strip(),
            need_type=need_type,
            urgency=urgency,
            description=description.strip(),
            source=source,
            reported_by=actor,
        )
        _audit(actor, lead, "leads.lead_reported", need=need_type, urgency=urgency)
        notify(
            recipients=_center_staff(),
            event_key=f"lead:{lead.code}:reported",
            render=lambda: (
                _("New demand lead from %(office)s") % {"office": office.name},
                f"{lead.enterprise_name} · {lead.get_need_type_display()}",
            ),
            url=reverse("leads:lead_detail", args=[lead.code]),
            category=Category.LEAD,
            urgent=urgency == Urgency.URGENT,
        )
    return lead


def _is_district_code(code: str) -> bool:
    return len(code) == 6 and code.startswith("11") and not code.endswith("00")


def _field_errors(name, need_type, urgency, source, description) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not name:
        errors["enterprise_name"] = [_("Give the enterprise's name.")]
    if need_type not in NeedType.values:
        errors["need_type"] = [_("Choose what the enterprise needs.")]
    if urgency not in Urgency.values:
        errors["urgency"] = [_("Choose an urgency.")]
    if source not in LeadSource.values:
        errors["source"] = [_("Choose where the lead came from.")]
    if not description.strip():
        errors["description"] = [_("Describe the need in a few sentences.")]
    return errors


def record_first_contact(*, actor, lead: Lead, note: str = "") -> Lead:
    """The Center has contacted the enterprise (triage); starts the clock's stop for the
    monthly "days to first contact". Center staff only."""
    _require_center(actor)
    with transaction.atomic():
        lead = _transition(
            lead,
            "contact",
            first_contact_at=timezone.now(),
            handled_by=actor,
            outcome_note=note.strip(),
        )
        _audit(actor, lead, "leads.lead_contacted")
    return lead


def convert_lead(
    *, actor, lead: Lead, conversion: str, note: str = "", event: Event | None = None
) -> Lead:
    """Convert the lead: into a guidance application (the enterprise is invited to complete a
    prefilled one), a training invitation (to `event`, open and upcoming) or a funding
    consultation. A registered enterprise's members are notified with the link; otherwise the
    lead's contact email receives an invitation to register. The district is told the outcome."""
    _require_center(actor)
    if conversion not in Conversion.values:
        raise ValidationError({"conversion": [_("Choose what the lead becomes.")]})
    if conversion == Conversion.TRAINING:
        if event is None or event.status != EventStatus.OPEN or event.starts_at < timezone.now():
            raise ValidationError({"event": [_("Choose an upcoming event to invite them to.")]})
    else:
        event = None
    now = timezone.now()
    with transaction.atomic():
        lead = _transition(
            lead,
            "convert",
            conversion=conversion,
            converted_at=now,
            training_event=event,
            handled_by=actor,
            outcome_note=note.strip(),
            first_contact_at=Coalesce(F("first_contact_at"), Value(now)),
        )
        _audit(actor, lead, "leads.lead_converted", conversion=conversion)
        _invite(lead)
        _tell_district(lead, "converted")
    return lead


def close_lead(*, actor, lead: Lead, note: str) -> Lead:
    """Close a lead the Center will not act on, with the reason the district will read."""
    _require_center(actor)
    note = note.strip()
    if not note:
        raise ValidationError({"note": [_("Tell the district why the lead is closed.")]})
    now = timezone.now()
    with transaction.atomic():
        lead = _transition(
            lead,
            "close",
            handled_by=actor,
            outcome_note=note,
            first_contact_at=Coalesce(F("first_contact_at"), Value(now)),
        )
        _audit(actor, lead, "leads.lead_closed")
        _tell_district(lead, "closed")
    return lead


def start_lead_application(*, actor, lead: Lead) -> Application:
    """The invited enterprise opens its guidance application, prefilled from the lead; a second
    click returns the same draft (the lead's code is its idempotency key). Members of the
    enterprise with the lead's USCC only; the lead must have been converted into guidance."""
    membership = getattr(actor, "membership", None)
    if membership is None or not membership.is_enterprise:
        raise PermissionDenied
    organization = membership.organization
    if organization.uscc != lead.uscc:
        raise PermissionDenied
    if lead.status != LeadStatus.CONVERTED or lead.conversion != Conversion.GUIDANCE:
        raise ValidationError(_("The Center has not invited you to apply on this lead."))
    with transaction.atomic():
        lead = Lead.objects.select_for_update().get(pk=lead.pk)
        if lead.application_id is not None:
            return lead.application  # type: ignore[return-value]
        application = assistance.create_draft(
            actor=actor, idempotency_key=lead.code, **application_fields(lead)
        )
        Lead.objects.filter(pk=lead.pk).update(application=application, enterprise=organization)
        _audit(actor, lead, "leads.application_started", application=str(application.code))
        _tell_district(lead, "application-started")
    return application


def application_fields(lead: Lead) -> dict[str, Any]:
    """The guidance application fields prefilled from the lead."""
    return {
        "title": (
            _("%(need)s (reported by %(office)s)")
            % {"need": lead.get_need_type_display(), "office": lead.district_office.name}
        )[:200],
        "description": lead.description,
        "help_wanted": lead.get_need_type_display(),
    }


def _require_center(actor) -> None:
    if not is_center_staff(actor):
        raise PermissionDenied


def _transition(lead: Lead, action: str, **fields: Any) -> Lead:
    """Conditional update along TRANSITIONS; refused clearly when not allowed or stale."""
    allowed, target = TRANSITIONS[action]
    current = lead.status
    if current not in allowed:
        raise ValidationError(
            _("This is not possible while the lead is “%(status)s”.")
            % {"status": LeadStatus(current).label},
            code="invalid_transition",
        )
    updated = Lead.objects.filter(pk=lead.pk, status=current).update(status=target, **fields)
    if not updated:
        raise ValidationError(
            _("Someone else changed this lead a moment ago. Reload the page."), code="stale"
        )
    lead.refresh_from_db()
    return lead


def _audit(actor, lead: Lead, action: str, **after: Any) -> None:
    record_event(
        actor=actor,
        action=action,
        target=lead,
        organization=lead.district_office,
        after={"status": lead.status, **after},
    )


def _center_staff() -> list:
    return [
        m.user
        for m in Membership.objects.filter(
            role__in=[Role.CENTER_STAFF, Role.CENTER_ADMIN],
            is_active=True,
            organization__is_active=True,
        ).select_related("user")
    ]


def _members(organization_id: int, roles: list[str]) -> list:
    return [
        m.user
        for m in Membership.objects.filter(
            organization_id=organization_id, role__in=roles, is_active=True
        ).select_related("user")
    ]


def invitation_path(lead: Lead) -> str:
    return reverse("leads:invitation", args=[lead.invitation_code])


def _invite(lead: Lead) -> None:
    """Tell the enterprise what the Center offers: in-app and email to a registered
    enterprise's members, else an email inviting the contact person to register."""
    url = invitation_path(lead)
    if lead.conversion == Conversion.TRAINING and lead.training_event is not None:
        url = reverse("training:event_detail", args=[lead.training_event.code])
    subject, body = _invitation_text(lead)
    if lead.enterprise_id is not None:
        notify(
            recipients=_members(
                lead.enterprise_id, [Role.ENTERPRISE_ADMIN, Role.ENTERPRISE_MEMBER]
            ),
            event_key=f"lead:{lead.code}:invitation",
            render=lambda: _invitation_text(lead),
            url=url,
            category=Category.LEAD,
        )
    elif lead.contact_email:
        link = settings.SITE_URL.rstrip("/") + invitation_path(lead)
        message = f"{body}\n\n{link}"
        email = lead.contact_email
        transaction.on_commit(
            lambda: send_mail(subject, message, settings.DEFAULT_FROM_EMAIL, [email])
        )
    else:
        return
    Lead.objects.filter(pk=lead.pk).update(invited_at=timezone.now())


def _invitation_text(lead: Lead) -> tuple[str, str]:
    center = settings.CENTER_DISPLAY_NAME
    if lead.conversion == Conversion.GUIDANCE:
        subject = _("The Center invites you to apply for guidance")
        body = _(
            "%(center)s read what you told %(office)s and prepared a guidance application for "
            "%(enterprise)s. Open the link to complete and submit it"
        )
    elif lead.conversion == Conversion.TRAINING:
        subject = _("The Center invites you to a training")
        body = _(
            "%(center)s invites %(enterprise)s, on the suggestion of %(office)s, to register "
            "for a training event"
        )
    else:
        subject = _("The Center offers a funding consultation")
        body = _(
            "%(center)s, on the suggestion of %(office)s, offers %(enterprise)s a consultation "
            "on funding support for overseas rights protection; the Center will call you"
        )
    params = {
        "center": center,
        "office": lead.district_office.name,
        "enterprise": lead.enterprise_name,
    }
    suffix = (
        "" if lead.enterprise_id else " " + _("(register your enterprise on the platform first)")
    )
    return subject, (body % params) + suffix + "."


def _tell_district(lead: Lead, event_name: str) -> None:
    notify(
        recipients=_members(lead.district_office_id, [Role.DISTRICT_OFFICER]),
        event_key=f"lead:{lead.code}:{event_name}",
        render=lambda: (
            _("Demand lead updated: %(name)s") % {"name": lead.enterprise_name},
            _("Status: %(status)s") % {"status": lead.get_status_display()},
        ),
        url=reverse("leads:lead_detail", args=[lead.code]),
        category=Category.LEAD,
    )
