"""Absolute links to training pages, for emails and calendar files."""

from django.conf import settings
from django.urls import reverse


def absolute_event_url(event) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("training:event_detail", args=[event.code])
