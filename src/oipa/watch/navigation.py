"""Links and home cards of the squatting watch (picked up by `oipa.core.extensions`)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from oipa.core.extensions import NavItem
from oipa.core.home import Card


def nav_items(user, membership) -> list[NavItem]:
    if membership is None:
        return []
    if membership.is_center:
        return [NavItem(_("Trademark watch"), reverse("watch:index"))]
    if membership.is_enterprise:
        return [NavItem(_("Risk warnings"), reverse("watch:index"))]
    return []


def home_cards(user, membership) -> list[Card]:
    if membership is None:
        return []
    if membership.is_center:
        return [
            Card(
                _("Trademark squatting watch"),
                _("Foreign gazette imports, similarity hits and serial squatters."),
                reverse("watch:hit_list"),
            )
        ]
    if membership.is_enterprise:
        return [
            Card(
                _("Trademark risk warnings"),
                _("Watch your marks abroad and oppose squatters before the deadline."),
                reverse("watch:warning_list"),
            )
        ]
    return []
