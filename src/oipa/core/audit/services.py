"""Recording audit events, and the small reads other apps need (timelines, client IP)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone

from oipa.accounts.models import Organization
from oipa.core.audit.hashing import HASHED_FIELDS, event_hash, normalize_ip, to_json_value
from oipa.core.audit.models import GENESIS_HASH, AuditChainHead, AuditEvent

SYSTEM_ACTOR_LABEL = "system"


def record_event(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    organization: Any = None,
    before: dict | None = None,
    after: dict | None = None,
    ip: str | None = None,
) -> AuditEvent:
    """Append one event to the hash chain and return it.

    Call it inside the service's own `transaction.atomic()`, after the change it records, so the
    event commits or rolls back with that change. The chain head row is locked until that
    transaction ends, so concurrent writers append one after the other and the chain never forks.
    `actor` is a User or None for system tasks. `organization` defaults to the target's
    organization (the target itself when it is an Organization), else the actor's. `before` and
    `after` are small JSON-able summaries of the changed fields. The caller has already checked
    the actor's right; this function checks none. ValueError for a malformed action or IP.
    """
    if not action or "." not in action or len(action) > 100:
        raise ValueError(f"audit action must be a dotted name like 'app.verb_object': {action!r}")
    organization = (
        organization if organization is not None else _default_organization(actor, target)
    )
    with transaction.atomic(savepoint=False):
        head = _locked_head()
        event = AuditEvent(
            seq=head.seq + 1,
            created_at=timezone.now(),
            actor=actor,
            actor_label=_actor_label(actor),
            organization=organization,
            organization_label=str(organization)[:200] if organization is not None else "",
            action=action,
            **_target_fields(target),
            before=to_json_value(before),
            after=to_json_value(after),
            ip=normalize_ip(ip),
            algorithm=settings.AUDIT_HASH_ALGORITHM,
            prev_hash=head.hash,
        )
        event.hash = event_hash(_field_values(event))
        event.save(force_insert=True)
        head.seq, head.hash = event.seq, event.hash
        head.save(update_fields=["seq", "hash"])
    return event


def events_for(target: models.Model) -> models.QuerySet[AuditEvent]:
    """The events recorded about `target`, oldest first: the source of a case page timeline."""
    fields = _target_fields(target)
    return (
        AuditEvent.objects.filter(target_type=fields["target_type"], target_id=fields["target_id"])
        .select_related("actor", "organization")
        .order_by("seq")
    )


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or the X-Forwarded-For entry added by our own proxies.

    X-Forwarded-For is honoured only when settings.TRUSTED_PROXY_COUNT (default 0) says how many
    reverse proxies we run; the entry that many hops from the right is the one the first trusted
    proxy saw, and anything further left may be forged by the client. None when not an address.
    """
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    candidate = request.META.get("REMOTE_ADDR")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            candidate = hops[-min(proxies, len(hops))]
    try:
        return normalize_ip(candidate)
    except ValueError:
        return None


def _locked_head() -> AuditChainHead:
    try:
        return AuditChainHead.objects.select_for_update().get(pk=1)
    except AuditChainHead.DoesNotExist:
        pass
    # First event ever (or a flushed test database): start the head at the newest stored event.
    newest = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
    seq, last_hash = newest if newest is not None else (0, GENESIS_HASH)
    AuditChainHead.objects.get_or_create(pk=1, defaults={"seq": seq, "hash": last_hash})
    return AuditChainHead.objects.select_for_update().get(pk=1)


def _default_organization(actor: Any, target: models.Model | None) -> Any:
    if isinstance(target, Organization):
        return target
    target_org = getattr(target, "organization", None) if target is not None else None
    if isinstance(target_org, Organization):
        return target_org
    return getattr(actor, "organization", None) if actor is not None else None


def _actor_label(actor: Any) -> str:
    if actor is None:
        return SYSTEM_ACTOR_LABEL
    return (getattr(actor, "email", "") or str(actor))[:254]


def _target_fields(target: models.Model | None) -> dict[str, str]:
    if target is None:
        return {"target_type": "", "target_id": "", "target_label": ""}
    code = getattr(target, "code", None)
    return {
        "target_type": target._meta.label_lower,
        "target_id": str(code if code is not None else target.pk)[:64],
        "target_label": str(target)[:200],
    }


def _field_values(event: AuditEvent) -> dict[str, Any]:
    return {name: getattr(event, name) for name in HASHED_FIELDS}
