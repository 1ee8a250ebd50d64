"""Who may see which event and which registration.

Events: every user with an active membership sees every event (they are publicity); visitors
none. Registrations, one rule per role:
- enterprise members: their organization's registrations;
- Center staff, admins and auditors: every registration;
- speakers: the registrations of the events they speak at;
- everyone else: none.
Hidden objects answer 404, like missing ones.
"""

from __future__ import annotations

from uuid import UUID

from django.db import models
from django.http import Http404

from oipa.accounts.access import is_center_staff
from oipa.accounts.access import membership_of as _membership


def is_enterprise_member(user) -> bool:
    membership = _membership(user)
    return membership is not None and membership.is_enterprise


class EventQuerySet(models.QuerySet):
    def visible_to(self, user) -> EventQuerySet:
        """Every event for a user with an active membership; none for visitors."""
        if _membership(user) is None:
            return self.none()
        return self.all()


class RegistrationQuerySet(models.QuerySet):
    def visible_to(self, user) -> RegistrationQuerySet:
        """The registrations the user may know exist."""
        membership = _membership(user)
        if membership is None:
            return self.none()
        if membership.is_enterprise:
            return self.filter(organization_id=membership.organization_id)
        if membership.is_center:
            return self.all()
        if membership.is_expert:
            return self.filter(event__speakers=user)
        return self.none()


def get_event_for_user(user, code: UUID | str, *, write: bool = False):
    """The event if the user may see it, and manage it when `write` (Center staff); else 404."""
    from .models import Event

    event = Event.objects.visible_to(user).select_related("industry").filter(code=code).first()
    if event is None or (write and not is_center_staff(user)):
        raise Http404
    return event


def get_registration_for_user(user, code: UUID | str, *, write: bool = False):
    """The registration if the user may see it, and act on it when `write` (a member of the
    registered enterprise, or Center staff); else 404."""
    from .models import Registration

    registration = (
        Registration.objects.visible_to(user)
        .select_related("event", "organization")
        .filter(code=code)
        .first()
    )
    if registration is None:
        raise Http404
    own = is_enterprise_member(user) and (
        user.membership.organization_id == registration.organization_id
    )
    if write and not (own or is_center_staff(user)):
        raise Http404
    return registration
