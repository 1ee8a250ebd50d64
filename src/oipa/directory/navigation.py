"""The directory's link in the navigation (for everyone, visitors included) and home cards."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from oipa.core.extensions import NavItem
from oipa.core.home import Card


def nav_items(user, membership) -> list[NavItem]:
    return [NavItem(_("Service directory"), reverse("directory:institution_list"))]


def home_cards(user, membership) -> list[Card]:
    if membership is None:
        return [
            Card(
                _("Service directory"),
                _("Find law firms, agencies, mediators and arbitrators for IP disputes abroad."),
                reverse("directory:institution_list"),
            )
        ]
    if membership.is_institution:
        return [
            Card(
                _("Keep your listing current"),
                _("Services, countries, languages and contacts enterprises find you by."),
                reverse("directory:my_listing"),
            )
        ]
    if membership.is_center_staff:
        return [
            Card(
                _("Directory changes to review"),
                _("Institutions' proposed listing changes wait for your approval."),
                reverse("directory:review_queue"),
            )
        ]
    return []
