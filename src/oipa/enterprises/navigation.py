"""Self-check links and home cards."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from oipa.core.extensions import NavItem


def nav_items(user, membership) -> list[NavItem]:
    if membership is None:
        return []
    if membership.is_enterprise:
        return [NavItem(_("Compliance self-check"), reverse("enterprises:index"))]
    if membership.is_center:
        return [NavItem(_("Self-check results"), reverse("enterprises:index"))]
    return []


def home_cards(user, membership) -> list:
    from oipa.core.home import Card

    if membership is not None and membership.is_enterprise:
        return [
            Card(
                _("Compliance self-check"),
                _(
                    "Check your overseas IP compliance once a year: marks in target markets, "
                    "freedom to operate, trade secrets, listings and distributor contracts."
                ),
                reverse("enterprises:self_check"),
            )
        ]
    return []
