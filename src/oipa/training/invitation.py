"""The iCalendar (.ics, RFC 5545) invitation of an event, built with `icalendar`."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as IcsEvent

from ._urls import absolute_event_url
from .models import Event, EventStatus, Registration


def event_ics(event: Event, registration: Registration | None = None) -> bytes:
    """One VEVENT with a stable UID (so calendars update it, never duplicate it), the venue or
    online link as location, and CANCELLED status once the Center cancels the event."""
    calendar = Calendar()
    calendar.add("prodid", "-//OIPA//Training//ZH")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    vevent = IcsEvent()
    vevent.add("uid", f"{event.code}@oipa")
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", event.starts_at)
    vevent.add("dtend", event.ends_at)
    vevent.add("summary", event.title)
    vevent.add("location", event.venue or event.online_url)
    vevent.add("url", event.online_url or absolute_event_url(event))
    description = event.description
    if registration is not None:
        description = f"{description}\n\n{registration.attendee_name}".strip()
    vevent.add("description", description)
    vevent.add("organizer", f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}")
    vevent.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    calendar.add_component(vevent)
    return calendar.to_ical()
