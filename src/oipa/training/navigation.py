"""The training link and home card, for everyone with a membership."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from oipa.core.extensions import NavItem
from oipa.core.home import Card


def nav_items(user, membership) -> list[NavItem]:
    if membership is None:
        return []
    return [NavItem(_("Training and events"), reverse("training:event_list"))]


def home_cards(user, membership) -> list[Card]:
    if membership is None:
        return []
    text = (
        _("Register for trainings, seminars and clinics; download certificates.")
        if membership.is_enterprise
        else _("Trainings, seminars, webinars, roadshows and clinics.")
    )
    return [Card(_("Training and events"), text, reverse("training:event_list"))]
