"""Warning enterprises of similar foreign publications, once per enterprise and publication,
and the enterprise acting on a warning.

A warning's delivery uses the notification event key "risk:<organization pk>:<publication
code>", unique per recipient, so matching again never notifies twice. Only registered
enterprises are notified (all active members, each in their language); warnings of watched
enterprises without an account wait for Center staff.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.accounts.models import User
from oipa.assistance import services as assistance
from oipa.assistance.models import Application
from oipa.core.audit.services import record_event
from oipa.core.notifications.models import Category
from oipa.core.notifications.services import notify
from oipa.core.taxonomy.choices import DisputeType, IPType
from oipa.core.taxonomy.models import Jurisdiction
from oipa.knowledge.facts import country_guide_url

from ..access import is_own_warning
from ..explain import rule_wording
from ..models import Hit, HitStatus, Publication, RiskWarning
from ..owners import brands_hit_by


def warn_for_publication(publication: Publication) -> int:
    """Create (or extend) the warning of each enterprise with an open hit on `publication`;
    the number of warnings created now."""
    created = 0
    hits = Hit.objects.filter(publication=publication, status=HitStatus.OPEN).select_related(
        "watched_mark"
    )
    by_enterprise: dict[tuple[str, int], list[Hit]] = {}
    for hit in hits:
        mark = hit.watched_mark
        key = (
            ("organization", mark.organization_id)
            if mark.organization_id
            else ("watched", mark.watched_id)
        )
        by_enterprise.setdefault(key, []).append(hit)  # type: ignore[arg-type]
    for (field, pk), found in by_enterprise.items():
        created += _warn(publication, {f"{field}_id": pk}, found)
    return created


def _warn(publication: Publication, enterprise: dict[str, Any], hits: list[Hit]) -> int:
    deadlines = [h.deadline for h in hits if h.deadline]
    with transaction.atomic():
        warning, created = RiskWarning.objects.get_or_create(
            publication=publication,
            **enterprise,
            defaults={"deadline": min(deadlines) if deadlines else None},
        )
        warning.hits.add(*hits)
        if created:
            record_event(
                actor=None,
                action="watch.warning_created",
                target=warning,
                organization=warning.organization,
                after={"publication": str(publication.code), "enterprise": str(warning.enterprise)},
            )
        if warning.organization_id and warning.delivered_at is None:
            _deliver(warning)
    return int(created)


def is_urgent(warning: RiskWarning) -> bool:
    """Fewer than `WATCH_URGENT_DAYS` days left to oppose."""
    if warning.deadline is None:
        return False
    return warning.deadline - timezone.localdate() <= timedelta(days=settings.WATCH_URGENT_DAYS)


def _deliver(warning: RiskWarning) -> None:
    recipients = User.objects.filter(
        is_active=True,
        memberships__organization=warning.organization,
        memberships__is_active=True,
    ).distinct()
    sent = notify(
        recipients=recipients,
        event_key=f"risk:{warning.organization_id}:{warning.publication.code}",
        render=partial(render_warning, warning),
        url=reverse("watch:warning_detail", args=[warning.code]),
        category=Category.RISK_WARNING,
        urgent=is_urgent(warning),
    )
    if sent:
        RiskWarning.objects.filter(pk=warning.pk, delivered_at__isnull=True).update(
            delivered_at=timezone.now()
        )


def render_warning(warning: RiskWarning) -> tuple[str, str]:
    """The warning's subject and body in the active language (notify() chooses it)."""
    publication = warning.publication
    subject = _("Risk warning: “%(mark)s” filed at %(office)s resembles your mark") % {
        "mark": publication.mark_text,
        "office": publication.get_office_display(),
    }
    return subject[:200], "\n".join(line for line in _body_lines(warning) if line)


def _body_lines(warning: RiskWarning) -> list[str]:
    publication = warning.publication
    site = settings.SITE_URL.rstrip("/")
    detail = reverse("watch:warning_detail", args=[warning.code])
    guide = country_guide_url(publication.jurisdiction)
    classes = ", ".join(str(c) for c in publication.nice_classes) or "—"
    lines = [
        _("Mark: %(mark)s (%(office)s, serial number %(serial)s)")
        % {
            "mark": publication.mark_text,
            "office": publication.get_office_display(),
            "serial": publication.serial_number,
        },
        _("Owner: %(owner)s %(country)s")
        % {"owner": publication.owner_name or "—", "country": publication.owner_nationality},
        _("Nice classes: %(classes)s") % {"classes": classes},
    ]
    for hit in warning.hits.select_related("watched_mark"):
        lines.append(explain_hit(hit))
    brands = brands_hit_by(publication.owner_normalized)
    if brands >= settings.WATCH_SERIAL_MIN_BRANDS:
        lines.append(
            _(
                "This owner filed marks similar to %(n)s different watched brands: a sign of "
                "bad faith to raise in an opposition."
            )
            % {"n": brands}
        )
    deadline = warning.deadline.isoformat() if warning.deadline else _("unknown")
    basis = next((h.deadline_basis for h in warning.hits.all() if h.deadline_basis), "")
    lines.append(
        _("Opposition deadline: %(date)s (%(basis)s)") % {"date": deadline, "basis": basis}
    )
    if guide:
        lines.append(_("Country guide: %(link)s") % {"link": f"{site}{guide}"})
    lines.append(
        _("Apply for the Center's guidance in one click: %(link)s")
        % {"link": f"{site}{detail}#apply"}
    )
    return lines


def explain_hit(hit: Hit) -> str:
    """One sentence saying why the publication resembles the watched mark."""
    classes = ", ".join(str(c) for c in hit.classes_in_common)
    related = ", ".join(str(c) for c in hit.related_classes)
    where = (
        _("in the same classes (%(classes)s)") % {"classes": classes}
        if classes
        else _("in related classes (%(classes)s)") % {"classes": related}
        if related
        else _("in any class")
    )
    return _("Similar to your mark “%(mark)s”: %(why)s “%(form)s”, %(where)s; score %(score)s.") % {
        "mark": hit.watched_mark.word_mark,
        "why": rule_wording(hit.rule),
        "form": hit.form,
        "where": where,
        "score": f"{hit.score:.0f}",
    }


def mark_warning_read(*, actor: Any, warning: RiskWarning) -> None:
    """A member of the warned enterprise opened it: record the first reading (idempotent).
    Center staff opening it do not count."""
    if not is_own_warning(actor, warning):
        return
    RiskWarning.objects.filter(pk=warning.pk, read_at__isnull=True).update(read_at=timezone.now())


def application_fields(warning: RiskWarning) -> dict[str, Any]:
    """The `create_draft` fields of an opposition guidance application about the warning."""
    publication = warning.publication
    today = timezone.localdate()
    deadline = warning.deadline if warning.deadline and warning.deadline > today else None
    title = _("Opposition to “%(mark)s” (%(office)s %(serial)s)") % {
        "mark": publication.mark_text,
        "office": publication.get_office_display(),
        "serial": publication.serial_number,
    }
    return {
        "title": title[:200],
        "dispute_type": DisputeType.OPPOSITION_INVALIDATION,
        "jurisdictions": list(Jurisdiction.objects.filter(code=publication.jurisdiction)),
        "forum": publication.get_office_display()[:200],
        "case_numbers": publication.serial_number[:300],
        "response_deadline": deadline,
        "our_role": "opponent",
        "ip_types": [IPType.TRADEMARK],
        "nice_classes": list(publication.nice_classes),
        "parties": [{"kind": "counterparty", "name": publication.owner_name[:200]}]
        if publication.owner_name
        else [],
    }


def apply_for_guidance(*, actor: Any, warning: RiskWarning) -> Application:
    """Start (once) an opposition guidance application draft prefilled from the warning and link
    it to the warning. Members of the warned enterprise only; a second click returns the same
    draft (the warning's code is the draft's idempotency key)."""
    if not is_own_warning(actor, warning):
        raise PermissionDenied
    with transaction.atomic():
        warning = RiskWarning.objects.select_for_update().get(pk=warning.pk)
        if warning.application_id is not None:
            return warning.application  # type: ignore[return-value]
        application = assistance.create_draft(
            actor=actor, idempotency_key=warning.code, **application_fields(warning)
        )
        RiskWarning.objects.filter(pk=warning.pk).update(
            application=application, acted_at=timezone.now()
        )
        record_event(
            actor=actor,
            action="watch.warning_acted",
            target=warning,
            organization=warning.organization,
            after={"application": str(application.code)},
        )
    return application
