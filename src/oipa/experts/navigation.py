"""Links and home cards the expert pool offers: the pool to Center staff, the desk to experts."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from oipa.core.extensions import NavItem
from oipa.core.home import Card


def nav_items(user, membership) -> list[NavItem]:
    if membership is None:
        return []
    if membership.is_center:
        return [NavItem(_("Experts"), reverse("experts:pool"))]
    if membership.is_expert:
        return [NavItem(_("My expert desk"), reverse("experts:desk"))]
    return []


def home_cards(user, membership) -> list[Card]:
    if membership is None:
        return []
    if membership.is_center_staff:
        return [
            Card(
                _("Expert pool"),
                _("Rank experts for a case, invite them, or assign many waiting cases at once."),
                reverse("experts:pool"),
            )
        ]
    if membership.is_expert:
        return [
            Card(
                _("My expert desk"),
                _("Your invitations and the cases you guide."),
                reverse("experts:desk"),
            )
        ]
    return []
