"""What the home page offers each role: cards built from the pages that exist for it."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from oipa.accounts.models import Role
from oipa.core.extensions import home_cards


@dataclass(frozen=True)
class Card:
    title: str | Promise
    text: str | Promise
    url: str


ROLE_SUMMARIES = {
    Role.CENTER_ADMIN: _(
        "You run the platform: organizations and staff accounts, reference "
        "data, the working-day calendar and the audit trail."
    ),
    Role.CENTER_STAFF: _(
        "You handle enterprises' requests for overseas dispute response "
        "guidance, monitoring alerts and risk warnings."
    ),
    Role.AUDITOR: _(
        "You have read-only access to the audit trail and can verify that it is intact."
    ),
    Role.PARTNER_STAFF: _("You see the cases jointly guided with the Beijing Center."),
    Role.ENTERPRISE_ADMIN: _(
        "Apply for guidance when your enterprise meets an overseas IP "
        "dispute, and manage your colleagues' accounts."
    ),
    Role.ENTERPRISE_MEMBER: _("Follow your enterprise's requests for guidance and alerts."),
    Role.DISTRICT_OFFICER: _(
        "Report the needs of enterprises in your district and follow what became of them."
    ),
    Role.ASSOCIATION_STAFF: _("Work with the Center on industry-wide incidents and training."),
    Role.INSTITUTION_STAFF: _("Keep your institution's directory listing current."),
    Role.EXPERT: _("Answer the Center's invitations and guide the cases assigned to you."),
    Role.MEDIATOR: _("Receive cases referred to mediation or arbitration."),
}


def cards_for(user, membership) -> list[Card]:
    """The cards for this user's home page, in the order they matter to the role."""
    if membership is None:
        return _anonymous_cards(user) + home_cards(user, None)
    org_title = _("Organizations") if membership.is_center else _("My organization")
    org_url = (
        reverse("accounts:organization_list")
        if membership.is_center
        else reverse("accounts:organization_detail", args=[membership.organization.code])
    )
    cards = _case_cards(membership)
    cards.extend(home_cards(user, membership))
    cards.append(Card(org_title, _("Details, members and their roles."), org_url))
    if membership.is_center:
        cards.append(
            Card(
                _("Background tasks"),
                _("When reminders and checkpoints last ran."),
                reverse("task_runs"),
            )
        )
    if membership.can_view_audit:
        cards.append(
            Card(
                _("Audit trail"),
                _("Browse, filter and verify every recorded change."),
                reverse("audit:event_list"),
            )
        )
    if membership.can_manage_reference_data:
        cards.append(
            Card(
                _("Working-day calendar"),
                _("Enter next year's official holiday schedule."),
                reverse("calendar:year_list"),
            )
        )
        cards.append(
            Card(
                _("Reference data"),
                _("Jurisdictions, Nice and IPC classes, industries."),
                reverse("admin:index"),
            )
        )
    cards.append(
        Card(
            _("Account security"),
            _("Two-factor authentication and recovery codes."),
            reverse("mfa_index"),
        )
    )
    return cards


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _case_cards(membership) -> list[Card]:
    if membership.is_enterprise:
        pairs = [
            (
                "assistance:application_create",
                _("Apply for guidance"),
                _(
                    "Sued abroad, an ITC 337 complaint, a frozen store, a warning letter or a "
                    "squatted trademark: tell the Center."
                ),
            ),
            (
                "assistance:application_list",
                _("My applications"),
                _("Follow your cases, answer the Center and read the experts' guidance."),
            ),
        ]
    elif membership.is_center:
        pairs = [
            (
                "assistance:workbench",
                _("Workbench"),
                _("Applications by state, service-level clocks and actions."),
            )
        ]
    else:
        pairs = [("assistance:application_list", _("Cases"), _("The cases you take part in."))]
    return [Card(title, text, url) for name, title, text in pairs if (url := _url(name))]


def _anonymous_cards(user) -> list[Card]:
    if user.is_authenticated:  # a user without an active membership
        return [
            Card(
                _("No active membership"),
                _("Your account is not attached to an organization. Contact the Center."),
                reverse("account_logout"),
            )
        ]
    return [
        Card(
            _("Register your enterprise"),
            _("Beijing enterprises facing an overseas IP dispute can apply for free guidance."),
            reverse("accounts:register"),
        ),
        Card(
            _("Log in"),
            _("Enterprises, Center staff, experts and partners."),
            reverse("account_login"),
        ),
    ]
