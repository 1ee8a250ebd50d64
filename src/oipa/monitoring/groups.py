"""Co-defendant groups: disputes that name two or more JJJ enterprises (read side).

A group is one dispute, or several disputes by the same plaintiff (normalized name) filed within
90 days of the group's first dispute, whose defendants or respondents have alertable matches to
two or more distinct monitored enterprises. A dispute's date is its filing date, else the day it
was first seen; its plaintiff is the first of its plaintiffs' normalized names in sorted order
(disputes without a plaintiff stand alone). A group's key is a digest of its disputes and
enterprises, so a new dispute joining the group makes a new group (and allows a new offer).

Staff offer a group a joint response (`propose_joint_response`): the group's registered
enterprises' members are notified with a link; each enterprise that follows it gets one draft
guidance application prefilled from the disputes, naming the other enterprises as co-parties
with their USCCs, so that the assistance workflow proposes JJJ joint guidance when they span
Beijing and Tianjin/Hebei (`start_joint_response_draft`). Watch-list enterprises have no members
to notify: staff contact them by other means.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _

from oipa.accounts.models import Organization, Role, User
from oipa.assistance import services as assistance
from oipa.assistance.models import Application, OurRole, PartyKind
from oipa.core.audit.services import record_event
from oipa.core.notifications.services import notify
from oipa.core.taxonomy.choices import DisputeType
from oipa.core.taxonomy.models import Jurisdiction

from .models import (
    DEFENDANT_ROLES,
    PLAINTIFF_ROLES,
    Dispute,
    JointResponseDraft,
    JointResponseOffer,
    Party,
    PartyMatch,
    SourceKind,
    WatchedEnterprise,
)
from .trends import ip_type_of

WINDOW = timedelta(days=90)
BEIJING = "11"
NEIGHBOURS = {"12", "13"}
PROVINCE_NAMES = {"11": "北京", "12": "天津", "13": "河北"}


@dataclass(frozen=True)
class GroupEnterprise:
    """One enterprise of a group: registered (`organization`) or on the watch list."""

    key: str
    name: str
    province: str
    uscc: str
    organization: Organization | None = None
    watched: WatchedEnterprise | None = None


@dataclass
class CoDefendantGroup:
    """Disputes by one plaintiff within 90 days naming two or more JJJ enterprises."""

    plaintiff: str
    disputes: list[Dispute] = field(default_factory=list)
    enterprises: list[GroupEnterprise] = field(default_factory=list)

    @property
    def key(self) -> str:
        parts = sorted(str(d.code) for d in self.disputes) + sorted(e.key for e in self.enterprises)
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:40]

    @property
    def provinces(self) -> list[str]:
        return sorted({e.province for e in self.enterprises if e.province})

    @property
    def province_names(self) -> list[str]:
        return [PROVINCE_NAMES.get(p, p) for p in self.provinces]

    @property
    def jjj(self) -> bool:
        """Beijing together with Tianjin or Hebei: JJJ joint guidance is proposed."""
        provinces = set(self.provinces)
        return BEIJING in provinces and bool(provinces & NEIGHBOURS)

    @property
    def registered(self) -> list[Organization]:
        return [e.organization for e in self.enterprises if e.organization is not None]

    @property
    def first_date(self) -> date | None:
        return min((dispute_date(d) for d in self.disputes), default=None)


def dispute_date(dispute: Dispute) -> date:
    """The filing date, else the day the dispute was first seen."""
    return dispute.filed_on or dispute.first_seen_at.date()


def _enterprise(match: PartyMatch) -> GroupEnterprise:
    if match.organization is not None:
        org = match.organization
        return GroupEnterprise(
            match.enterprise_key, org.name, org.province_code, org.uscc or "", org
        )
    watched = match.watched
    assert watched is not None  # a match names exactly one kind of enterprise
    uscc = watched.uscc or ""
    return GroupEnterprise(
        match.enterprise_key, watched.name, watched.province_code, uscc, watched=watched
    )


def _matched_disputes(since: date | None) -> dict[int, tuple[Dispute, dict[str, GroupEnterprise]]]:
    """Disputes with alertable defendant-side matches, with their enterprises by key."""
    rows = (
        PartyMatch.objects.alertable()
        .filter(party__role__in=DEFENDANT_ROLES)
        .select_related("organization", "watched", "party")
    )
    by_dispute: dict[int, dict[str, GroupEnterprise]] = defaultdict(dict)
    for match in rows:
        by_dispute[match.party.dispute_id].setdefault(match.enterprise_key, _enterprise(match))
    plaintiffs = Party.objects.filter(role__in=PLAINTIFF_ROLES, is_placeholder=False)
    disputes = Dispute.objects.filter(pk__in=list(by_dispute)).prefetch_related(
        Prefetch("parties", queryset=plaintiffs, to_attr="plaintiff_parties")
    )
    result: dict[int, tuple[Dispute, dict[str, GroupEnterprise]]] = {}
    for dispute in disputes.select_related("source"):
        if since is None or dispute_date(dispute) >= since:
            result[dispute.pk] = (dispute, by_dispute[dispute.pk])
    return result


def _plaintiff(dispute: Dispute) -> tuple[str, str]:
    """(normalized key, display name) of the dispute's plaintiff, or ("", "")."""
    parties = sorted(dispute.plaintiff_parties, key=lambda p: p.normalized)  # type: ignore[attr-defined]
    return (parties[0].normalized, parties[0].name) if parties else ("", "")


def _clusters(disputes: list[Dispute]) -> list[list[Dispute]]:
    """Disputes of one plaintiff, oldest first, cut into runs spanning at most 90 days."""
    clusters: list[list[Dispute]] = []
    for dispute in sorted(disputes, key=lambda d: (dispute_date(d), d.pk)):
        if clusters and dispute_date(dispute) - dispute_date(clusters[-1][0]) <= WINDOW:
            clusters[-1].append(dispute)
        else:
            clusters.append([dispute])
    return clusters


def co_defendant_groups(since: date | None = None) -> list[CoDefendantGroup]:
    """Every co-defendant group among disputes dated on or after `since` (all when None),
    newest first."""
    matched = _matched_disputes(since)
    by_plaintiff: dict[str, list[Dispute]] = defaultdict(list)
    names: dict[str, str] = {}
    alone: list[list[Dispute]] = []
    for dispute, _enterprises in matched.values():
        key, name = _plaintiff(dispute)
        if key:
            by_plaintiff[key].append(dispute)
            names.setdefault(key, name)
        else:
            alone.append([dispute])
    candidates = [(names[k], c) for k, ds in by_plaintiff.items() for c in _clusters(ds)]
    candidates += [("", c) for c in alone]
    groups = []
    for plaintiff, cluster in candidates:
        enterprises: dict[str, GroupEnterprise] = {}
        for dispute in cluster:
            enterprises.update(matched[dispute.pk][1])
        if len(enterprises) >= 2:
            ordered = sorted(enterprises.values(), key=lambda e: (e.province, e.name))
            groups.append(CoDefendantGroup(plaintiff, cluster, ordered))
    groups.sort(key=lambda g: (g.first_date or date.min, g.key), reverse=True)
    return groups


def find_group(key: str, since: date | None = None) -> CoDefendantGroup | None:
    """The group with this key among today's groups, or None."""
    return next((g for g in co_defendant_groups(since) if g.key == key), None)


ENTERPRISE_ROLES = (Role.ENTERPRISE_ADMIN, Role.ENTERPRISE_MEMBER)


def _require_center_staff(actor: Any) -> None:
    membership = getattr(actor, "membership", None)
    if membership is None or not membership.is_center_staff:
        raise PermissionDenied(_("Only Center staff may do this."))


def _case_label(dispute: Dispute) -> str:
    return dispute.case_number or dispute.title or dispute.external_id


def propose_joint_response(*, actor: Any, group: CoDefendantGroup) -> JointResponseOffer:
    """Offer the group's registered enterprises a joint response and notify their members once.
    Center staff only. Offering the same group again returns the first offer and notifies no
    one; a group without a registered enterprise is a ValidationError."""
    _require_center_staff(actor)
    if not group.registered:
        raise ValidationError(
            _("None of these enterprises is registered on the platform; contact them directly.")
        )
    with transaction.atomic():
        offer, created = JointResponseOffer.objects.get_or_create(
            group_key=group.key,
            defaults={"plaintiff": group.plaintiff[:500], "jjj": group.jjj, "created_by": actor},
        )
        if not created:
            return offer
        offer.disputes.set(group.disputes)
        offer.organizations.set(group.registered)
        offer.watched.set([e.watched for e in group.enterprises if e.watched is not None])
        record_event(
            actor=actor,
            action="monitoring.joint_response_offered",
            target=offer,
            after={"enterprises": [e.key for e in group.enterprises], "jjj": group.jjj},
        )
        _notify_offer(offer, group)
    return offer


def _notify_offer(offer: JointResponseOffer, group: CoDefendantGroup) -> None:
    recipients = User.objects.filter(
        memberships__organization__in=group.registered,
        memberships__is_active=True,
        memberships__role__in=ENTERPRISE_ROLES,
    ).distinct()
    cases = ", ".join(_case_label(d) for d in group.disputes)

    def render() -> tuple[str, str]:
        subject = _("Joint response offered: %(cases)s") % {"cases": cases}
        body = _(
            "%(count)d monitored enterprises are named as defendants in %(cases)s "
            "(plaintiff: %(plaintiff)s). The Center offers them a joint response: open the "
            "link to start a guidance application prefilled from the case."
        ) % {"count": len(group.enterprises), "cases": cases, "plaintiff": group.plaintiff or "—"}
        if offer.jjj:
            body += " " + _(
                "The enterprises come from Beijing and Tianjin or Hebei: joint guidance with "
                "the partner centers will be proposed."
            )
        return subject, body

    notify(
        recipients=recipients,
        event_key=f"monitoring.joint_response:{offer.code}",
        render=render,
        url=reverse("monitoring:joint_response", args=[offer.code]),
    )


def offered_organization(actor: Any, offer: JointResponseOffer) -> Organization:
    """The actor's enterprise when the offer was made to it; PermissionDenied otherwise."""
    membership = getattr(actor, "membership", None)
    if membership is None or not membership.is_enterprise:
        raise PermissionDenied
    if not offer.organizations.filter(pk=membership.organization_id).exists():
        raise PermissionDenied
    return membership.organization


def start_joint_response_draft(*, actor: Any, offer: JointResponseOffer) -> Application:
    """The actor's enterprise's draft guidance application for this offer, created prefilled
    the first time (idempotent per offer and enterprise, also under a double click). Members
    of enterprises the offer was made to only (PermissionDenied)."""
    organization = offered_organization(actor, offer)
    taken = JointResponseDraft.objects.filter(offer=offer, organization=organization).first()
    if taken is not None:
        return taken.application
    key = uuid.uuid5(offer.code, f"org:{organization.pk}")
    with transaction.atomic():
        application = assistance.create_draft(
            actor=actor, idempotency_key=key, **draft_fields(offer, organization)
        )
        JointResponseDraft.objects.get_or_create(
            offer=offer, organization=organization, defaults={"application": application}
        )
    return application


def draft_fields(offer: JointResponseOffer, organization: Organization) -> dict[str, Any]:
    """The guidance application fields prefilled from the offer's disputes, with the other
    enterprises as co-parties and the plaintiffs as counterparties."""
    disputes = list(offer.disputes.select_related("source").prefetch_related("parties"))
    disputes.sort(key=lambda d: (dispute_date(d), d.pk))
    first = disputes[0]
    itc = any(d.source.kind == SourceKind.ITC337 for d in disputes)
    codes = {d.jurisdiction for d in disputes}
    return {
        "title": (_("Joint response: %(case)s") % {"case": first.title or _case_label(first)})[
            :200
        ],
        "dispute_type": DisputeType.ITC_337 if itc else DisputeType.LITIGATION,
        "our_role": OurRole.RESPONDENT if itc else OurRole.DEFENDANT,
        "forum": first.forum[:200],
        "case_numbers": "; ".join(d.case_number for d in disputes if d.case_number)[:300],
        "ip_types": sorted({t for d in disputes if (t := d.ip_type or ip_type_of(d.nature_code))}),
        "jurisdictions": list(Jurisdiction.objects.filter(code__in=codes)),
        "description": _description(disputes),
        "parties": _counterparties(disputes) + _co_parties(offer, organization),
    }


def _description(disputes: list[Dispute]) -> str:
    lines = [_("Joint response offered by the Center to the co-defendants of:")]
    for d in disputes:
        lines.append(f"- {_case_label(d)} · {d.title} · {d.forum} · {d.filed_on or ''}".strip())
    return "\n".join(lines)


def _counterparties(disputes: list[Dispute]) -> list[dict[str, str]]:
    names = {p.name: None for d in disputes for p in d.plaintiffs if not p.is_placeholder}
    return [{"kind": PartyKind.COUNTERPARTY, "name": name[:300]} for name in names]


def _co_parties(offer: JointResponseOffer, organization: Organization) -> list[dict[str, str]]:
    parties = [
        {"kind": PartyKind.CO_PARTY, "name": org.name, "uscc": org.uscc or "", "country": "CN"}
        for org in offer.organizations.exclude(pk=organization.pk).order_by("pk")
    ]
    parties += [
        {
            "kind": PartyKind.CO_PARTY,
            "name": w.name,
            "uscc": w.uscc or "",
            "province": w.province_code,
            "country": "CN",
        }
        for w in offer.watched.order_by("pk")
    ]
    return parties
