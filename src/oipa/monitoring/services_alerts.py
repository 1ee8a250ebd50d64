"""Creating and delivering dispute alerts, marking them read, and acting on them.

An alert exists once per enterprise and dispute (database constraint), and its delivery uses the
notification event key "alert:<organization pk>:<dispute code>", unique per recipient: so an
import run matched again, a re-import of the same dispute naming the enterprise again, or a
retried task adds the new match to the existing alert and never notifies anyone twice. Only
registered enterprises are notified (all their active members, in each one's language, Chinese
by default); alerts of watched enterprises wait for Center staff.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.accounts.models import User
from oipa.assistance import services as assistance
from oipa.assistance.models import Application
from oipa.core.audit.services import record_event
from oipa.core.notifications.models import Category
from oipa.core.notifications.services import notify

from . import deadlines
from .alerts import application_fields, country_guide_url, is_own_alert
from .matching_service import confident_matches_for_alerting
from .models import ImportRun, PartyMatch
from .models_alerts import Alert


def create_alerts_for_run(run_id: int) -> int:
    """Alert every enterprise named by an alertable match of the run's new parties; the number
    of alerts created now (0 when run again)."""
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return 0
    created = 0
    for match in confident_matches_for_alerting(run).select_related("party__dispute__source"):
        created += _alert(match)[1]
    return created


def create_alerts_for_match(match: PartyMatch) -> Alert | None:
    """Alert the enterprise of an alertable match (e.g. just confirmed by staff), and of the
    other alertable matches of the same party name and enterprise that followed the decision;
    the match's alert, or None when the match is not alertable."""
    same_pair = PartyMatch.objects.alertable().filter(
        party__normalized=match.party.normalized, enterprise_key=match.enterprise_key
    )
    alert = None
    for row in same_pair.select_related("party__dispute__source", "organization", "watched"):
        found, _created = _alert(row)
        if row.pk == match.pk:
            alert = found
    return alert


def alert_matches(matches: QuerySet[PartyMatch]) -> int:
    """Alert the enterprises of these alertable matches (e.g. found by re-matching); the number
    of alerts created now (0 when run again)."""
    related = matches.select_related("party__dispute__source", "organization", "watched")
    return sum(int(_alert(match)[1]) for match in related)


def queue_alerts_for_match(match_id: int) -> None:
    """After the surrounding transaction commits, alert on the match (see `tasks_alerts`)."""
    from .tasks_alerts import alert_match

    transaction.on_commit(partial(alert_match.delay, match_id))


def _alert(match: PartyMatch) -> tuple[Alert, bool]:
    dispute = match.party.dispute
    estimate = deadlines.estimate_deadline(dispute)
    enterprise: dict[str, object] = (
        {"organization": match.organization}
        if match.organization_id
        else {"watched": match.watched}
    )
    with transaction.atomic():
        alert, created = Alert.objects.get_or_create(
            dispute=dispute,
            **enterprise,
            defaults={
                "deadline": estimate.deadline,
                "deadline_rule": estimate.rule,
                "service_assumed_on": estimate.service_assumed_on,
            },
        )
        alert.matches.add(match)
        if created:
            record_event(
                actor=None,
                action="monitoring.alert_created",
                target=alert,
                organization=match.organization,
                after={"dispute": str(dispute.code), "enterprise": str(alert.enterprise)},
            )
        if alert.organization_id and alert.delivered_at is None:
            _deliver(alert)
    return alert, created


def _deliver(alert: Alert) -> None:
    recipients = User.objects.filter(
        is_active=True,
        memberships__organization=alert.organization,
        memberships__is_active=True,
    ).distinct()
    sent = notify(
        recipients=recipients,
        event_key=f"alert:{alert.organization_id}:{alert.dispute.code}",
        render=partial(render_alert, alert),
        url=reverse("monitoring:alert_detail", args=[alert.code]),
        category=Category.DISPUTE_ALERT,
        urgent=deadlines.urgency(alert.deadline, rule=alert.deadline_rule).urgent,
    )
    if sent:
        Alert.objects.filter(pk=alert.pk, delivered_at__isnull=True).update(
            delivered_at=timezone.now()
        )


def render_alert(alert: Alert) -> tuple[str, str]:
    """The alert's subject and body in the active language (notify() chooses it)."""
    dispute = alert.dispute
    court = dispute.forum or dispute.jurisdiction
    subject = _("Dispute alert: a case naming you was filed at %(court)s") % {"court": court}
    return subject[:200], "\n".join(line for line in _body_lines(alert) if line)


def _body_lines(alert: Alert) -> list[str]:
    dispute = alert.dispute
    site = settings.SITE_URL.rstrip("/")
    plaintiffs = "; ".join(p.name for p in dispute.plaintiffs) or _("not given")
    named = "; ".join(sorted({m.party.name for m in alert.matches.select_related("party")}))
    guide = country_guide_url(dispute.jurisdiction)
    detail = reverse("monitoring:alert_detail", args=[alert.code])
    return [
        _("Filed at: %(court)s, on %(filed)s")
        % {"court": dispute.forum or dispute.jurisdiction, "filed": dispute.filed_on or "—"},
        _("Case: %(title)s, case number %(number)s")
        % {"title": dispute.title or "—", "number": dispute.case_number or "—"},
        _("Plaintiffs: %(names)s") % {"names": plaintiffs},
        _("Named as: %(names)s") % {"names": named},
        _deadline_line(alert),
        _("Court record: %(link)s") % {"link": dispute.url} if dispute.url else "",
        _("Country guide: %(link)s") % {"link": guide} if guide else "",
        _("Apply for the Center's guidance in one click: %(link)s")
        % {"link": f"{site}{detail}#apply"},
    ]


def _deadline_line(alert: Alert) -> str:
    urgent = deadlines.urgency(alert.deadline, rule=alert.deadline_rule).urgent
    prefix = _("URGENT. ") if urgent else ""
    if alert.deadline is None:
        return prefix + _("Response deadline: unknown (%(basis)s).") % {
            "basis": alert.deadline_basis
        }
    return prefix + _(
        "Estimated response deadline: %(date)s (%(basis)s). It runs from the day you are "
        "served; check with a lawyer at once."
    ) % {"date": alert.deadline.isoformat(), "basis": alert.deadline_basis}


def mark_alert_read(*, actor: Any, alert: Alert) -> None:
    """A member of the alerted enterprise opened it: record the first reading (idempotent).
    Center staff opening it do not count."""
    if not is_own_alert(actor, alert):
        return
    Alert.objects.filter(pk=alert.pk, read_at__isnull=True).update(read_at=timezone.now())


def apply_for_guidance(*, actor: Any, alert: Alert) -> Application:
    """Start (once) a guidance application draft prefilled from the alert's dispute and link
    it to the alert. Members of the alerted enterprise only; a second click returns the same
    draft (the alert's code is the draft's idempotency key)."""
    if not is_own_alert(actor, alert):
        raise PermissionDenied
    with transaction.atomic():
        alert = Alert.objects.select_for_update().get(pk=alert.pk)
        if alert.application_id is not None:
            return alert.application  # type: ignore[return-value]
        application = assistance.create_draft(
            actor=actor, idempotency_key=alert.code, **application_fields(alert)
        )
        Alert.objects.filter(pk=alert.pk).update(application=application, acted_at=timezone.now())
        record_event(
            actor=actor,
            action="monitoring.alert_acted",
            target=alert,
            organization=alert.organization,
            after={"application": str(application.code)},
        )
    return application
