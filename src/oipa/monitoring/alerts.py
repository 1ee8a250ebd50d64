"""Who sees which dispute alert, how we explain a match to the enterprise, and how an alert
prefills a guidance application.

Access, in one place: Center staff, admins and auditors see every alert (including those of
watched enterprises that have no account); an enterprise's members see their own
organization's alerts; everyone else sees none. Fetching a hidden alert is a 404, the same as a
missing one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oipa.core.taxonomy.choices import DisputeType, IPType
from oipa.core.taxonomy.models import Jurisdiction

from .deadlines import is_itc
from .models_alerts import Alert

# Nature-of-suit codes of the US courts and the IP type they concern.
NATURE_IP_TYPES = {
    "820": IPType.COPYRIGHT,
    "830": IPType.PATENT,
    "835": IPType.PATENT,
    "840": IPType.TRADEMARK,
}

# Why we think a party is the enterprise, worded for the enterprise (rule → text).
RULE_WORDING = {
    "exact_id": _("exactly one of your identifiers (store name, seller ID, domain or brand)"),
    "exact_name": _("the same name as one of your names"),
    "english_form": _("an English form of your Chinese name"),
    "pinyin": _("the pinyin spelling of your Chinese name"),
    "pinyin_head": _("the pinyin spelling of the first words of your Chinese name"),
    "translated": _("a word-by-word English rendering of your Chinese name"),
    "fuzzy": _("a name very similar to one of your names"),
}


def country_guide_url(jurisdiction: str) -> str:
    """The path of the published country profile of `jurisdiction` ("US"), "" when none is."""
    from oipa.knowledge import facts

    return facts.country_guide_url(jurisdiction)


def rule_wording(rule: str) -> str:
    return str(RULE_WORDING.get(rule, RULE_WORDING["fuzzy"]))


def alerts_visible_to(user: Any) -> QuerySet[Alert]:
    """The alerts `user` may see (see the module text)."""
    alerts = Alert.objects.select_related("dispute__source", "organization", "watched")
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    if membership is None:
        return alerts.none()
    if membership.is_center:
        return alerts
    if membership.is_enterprise:
        return alerts.filter(organization_id=membership.organization_id)
    return alerts.none()


def get_alert_for_user(user: Any, code: Any) -> Alert:
    """The alert with this code if `user` may see it; Http404 otherwise."""
    alert = alerts_visible_to(user).filter(code=code).first()
    if alert is None:
        raise Http404
    return alert


def is_own_alert(user: Any, alert: Alert) -> bool:
    """The user is a member of the alerted enterprise (reads mark it read; may apply)."""
    membership = getattr(user, "membership", None)
    return (
        membership is not None
        and membership.is_enterprise
        and alert.organization_id is not None
        and membership.organization_id == alert.organization_id
    )


def application_fields(alert: Alert, *, today: date | None = None) -> dict[str, Any]:
    """The `create_draft` fields of a guidance application about the alert's dispute."""
    dispute = alert.dispute
    itc = is_itc(dispute)
    today = today or timezone.localdate()
    deadline = alert.deadline if alert.deadline and alert.deadline > today else None
    nature = dispute.ip_type or NATURE_IP_TYPES.get(dispute.nature_code)
    kind = DisputeType.ITC_337 if itc else (dispute.dispute_type or DisputeType.LITIGATION)
    return {
        "title": (dispute.title or dispute.case_number or dispute.external_id)[:200],
        "dispute_type": kind,
        "jurisdictions": list(Jurisdiction.objects.filter(code=dispute.jurisdiction or "US")),
        "forum": dispute.forum[:200],
        "case_numbers": dispute.case_number[:300],
        "served_on": None,
        "response_deadline": deadline,
        "our_role": "respondent" if itc else "defendant",
        "ip_types": [nature] if nature else [],
        "parties": [
            {"kind": "counterparty", "name": p.name}
            for p in dispute.plaintiffs
            if not p.is_placeholder
        ],
    }
