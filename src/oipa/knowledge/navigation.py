"""Links and home cards of the information service (picked up by `oipa.core.extensions`)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from oipa.core.extensions import NavItem
from oipa.core.home import Card


def nav_items(user, membership) -> list[NavItem]:
    """Everyone, visitors included, sees the information service."""
    return [NavItem(_("Information service"), reverse("knowledge:home"))]


def home_cards(user, membership) -> list[Card]:
    cards = [
        Card(
            _("Country IP profiles and guides"),
            _("Offices, courts, deadlines and typical cases abroad, in Chinese and English."),
            reverse("knowledge:home"),
        )
    ]
    if membership is not None and membership.is_center_staff:
        cards.append(
            Card(
                _("Edit the information service"),
                _("Drafts, reviews and publication of profiles, cases, guides and bulletins."),
                reverse("knowledge:manage"),
            )
        )
    return cards
