"""The leads link and home card: district officers report and follow their leads; the Center
triages them."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from oipa.core.extensions import NavItem
from oipa.core.home import Card


def _shown(membership) -> bool:
    return membership is not None and (membership.is_center or membership.is_district_officer)


def nav_items(user, membership) -> list[NavItem]:
    if not _shown(membership):
        return []
    return [NavItem(_("Demand leads"), reverse("leads:lead_list"))]


def home_cards(user, membership) -> list[Card]:
    if not _shown(membership):
        return []
    text = (
        _("Report enterprises' needs to the Center and see what became of each.")
        if membership.is_district_officer
        else _("Triage the districts' leads: contact, convert or close.")
    )
    return [Card(_("Demand leads"), text, reverse("leads:lead_list"))]
