"""Funding links and home cards: enterprises find programmes and the fund; the Center its
review queue."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from oipa.core.extensions import NavItem


def nav_items(user, membership) -> list[NavItem]:
    if membership is None or not (membership.is_center or membership.is_enterprise):
        return []
    return [NavItem(_("Funding"), reverse("funding:programme_list"))]


def home_cards(user, membership) -> list:
    from oipa.core.home import Card

    if membership is None:
        return [
            Card(
                _("Mutual-aid fund"),
                _(
                    "Yearly figures of the enterprises' mutual-aid fund for overseas rights "
                    "protection."
                ),
                reverse("funding:fund_summary"),
            )
        ]
    if membership.is_enterprise:
        return [
            Card(
                _("Funding support"),
                _(
                    "Apply for funding of attorney, expert, translation, official and travel "
                    "costs of your overseas dispute."
                ),
                reverse("funding:programme_list"),
            )
        ]
    if membership.is_center:
        return [
            Card(
                _("Funding applications"),
                _("Review invoiced costs item by item, approve within budget and record payments."),
                reverse("funding:application_list") + "?status=submitted",
            )
        ]
    return []
