"""Home cards of dispute monitoring (picked up by `oipa.core.extensions`); the navigation links
to monitoring and alerts are in the shared navigation already."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from oipa.core.home import Card


def home_cards(user, membership) -> list[Card]:
    if membership is None:
        return []
    if membership.is_center_staff:
        return [
            Card(
                _("Enter a dispute"),
                _("Record a customs seizure, platform complaint or letter; it is matched at once."),
                reverse("monitoring:dispute_enter"),
            )
        ]
    if membership.is_enterprise:
        return [
            Card(
                _("Names we watch for you"),
                _("Add your brands, store names and seller IDs so that foreign dockets find you."),
                reverse("monitoring:my_names"),
            )
        ]
    return []
