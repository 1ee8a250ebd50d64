"""Every write of the information service: editing, the editorial workflow, subscriptions.

Editors are Center staff (admins and staff; auditors only read). Each change writes one version row
(`ContentVersion`, with a snapshot of the item) and one audit event; publishing and unpublishing
refresh the search index after commit, and publishing a bulletin marked for push queues the push.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.core.audit.services import record_event

from .models import (
    TRANSITIONS,
    Bulletin,
    BulletinSubscription,
    ContentVersion,
    CountryProfile,
    DeadlineFact,
    EditorialItem,
    EditorialStatus,
)
from .search.index import schedule_update

EDITABLE = (EditorialStatus.DRAFT, EditorialStatus.IN_REVIEW)
_SKIPPED = {"id", "code", "status", "version", "created_at", "updated_at", "updated_by"}


def is_editor(actor: Any) -> bool:
    membership = getattr(actor, "membership", None)
    return membership is not None and membership.is_center_staff


def _require_editor(actor: Any) -> None:
    if not is_editor(actor):
        raise PermissionDenied(_("Only Center staff may edit the information service."))


def snapshot(item: EditorialItem) -> dict:
    """The item's own fields (many-to-many as codes, deadlines for profiles) as JSON-able data."""
    data = model_to_dict(item, exclude=list(_SKIPPED))
    for name, value in list(data.items()):
        if isinstance(value, list) and value and isinstance(value[0], models.Model):
            data[name] = sorted(str(getattr(v, "code", v.pk)) for v in value)
        elif hasattr(value, "name") and not isinstance(value, str | dict | list):
            data[name] = getattr(value, "name", "") or ""
    if isinstance(item, CountryProfile) and item.pk:
        data["deadlines"] = list(
            item.deadlines.values(
                "event", "amount", "unit", "starts_from", "extension_en", "source_url"
            )
        )
    return data


def _version(actor: Any, item: EditorialItem, note: str) -> None:
    item.refresh_from_db()
    ContentVersion.objects.create(
        kind=item.kind,
        item_code=item.code,
        number=item.version,
        status=item.status,
        snapshot=snapshot(item),
        changed_by=actor,
        note=note[:300],
    )


def create_item(
    *, actor: Any, model: type[EditorialItem], fields: dict, many: dict | None = None
) -> EditorialItem:
    """Create a draft of `model` (profile, case, guide, bulletin) with `fields` and m2m `many`.

    Raises ValidationError (per field) when the content is invalid; nothing is stored then.
    """
    _require_editor(actor)
    item = model(**fields, updated_by=actor, status=EditorialStatus.DRAFT)
    if not (item.title_zh or item.title_en):
        raise ValidationError(_("Give a Chinese or an English title."))
    item.full_clean()
    with transaction.atomic():
        item.save()
        for name, values in (many or {}).items():
            getattr(item, name).set(values)
        _version(actor, item, "created")
        record_event(
            actor=actor,
            action=f"knowledge.{item.kind}_created",
            target=item,
            after=fields_summary(item),
        )
    return item


def update_item(
    *, actor: Any, item: EditorialItem, fields: dict, many: dict | None = None
) -> EditorialItem:
    """Change a draft or an item in review; a published item is first returned to draft.

    The change is a conditional update on (status, version): if someone else changed or moved the
    item meanwhile, nothing is stored and a ValidationError says so.
    """
    _require_editor(actor)
    if item.status not in EDITABLE:
        raise ValidationError(_("Only drafts and items in review can be edited."))
    candidate = type(item).objects.get(pk=item.pk)
    for name, value in fields.items():
        setattr(candidate, name, value)
    if not (candidate.title_zh or candidate.title_en):
        raise ValidationError(_("Give a Chinese or an English title."))
    candidate.full_clean()
    before = snapshot(item)
    with transaction.atomic():
        changed = (
            type(item)
            .objects.filter(pk=item.pk, status=item.status, version=item.version)
            .update(version=F("version") + 1, updated_by=actor, updated_at=timezone.now())
        )
        if not changed:
            raise ValidationError(_("Someone else changed this item meanwhile; reload and retry."))
        # save() (not update()) so that a new attachment file is stored by its field.
        candidate.save(update_fields=list(fields))
        for name, values in (many or {}).items():
            getattr(candidate, name).set(values)
        _version(actor, candidate, "edited")
        old, new = _diff(before, snapshot(candidate))
        record_event(
            actor=actor, action=f"knowledge.{item.kind}_edited", target=item, before=old, after=new
        )
    item.refresh_from_db()
    return item


def _diff(before: dict, after: dict) -> tuple[dict, dict]:
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def fields_summary(item: EditorialItem) -> dict:
    return {"title_zh": item.title_zh, "title_en": item.title_en, "status": item.status}


def set_deadline_facts(*, actor: Any, profile: CountryProfile, facts: list[dict]) -> None:
    """Replace the machine-readable deadlines of a draft profile (each dict: DeadlineFact fields).

    Facts take effect for monitoring and watch only once the profile is published.
    """
    _require_editor(actor)
    if profile.status not in EDITABLE:
        raise ValidationError(_("Only drafts and items in review can be edited."))
    rows = [DeadlineFact(profile=profile, **fact) for fact in facts]
    events = [row.event for row in rows]
    if len(events) != len(set(events)):
        raise ValidationError(_("Each event may have only one deadline."))
    for row in rows:
        row.full_clean(exclude=["profile"])
    before = snapshot(profile).get("deadlines")
    with transaction.atomic():
        changed = CountryProfile.objects.filter(
            pk=profile.pk, status=profile.status, version=profile.version
        ).update(version=F("version") + 1, updated_by=actor, updated_at=timezone.now())
        if not changed:
            raise ValidationError(_("Someone else changed this item meanwhile; reload and retry."))
        profile.deadlines.all().delete()
        DeadlineFact.objects.bulk_create(rows)
        _version(actor, profile, "deadlines")
        record_event(
            actor=actor,
            action="knowledge.profile_deadlines_set",
            target=profile,
            before={"deadlines": before},
            after={"deadlines": snapshot(profile).get("deadlines")},
        )


def submit_for_review(*, actor: Any, item: EditorialItem) -> EditorialItem:
    """Draft → in review."""
    return _transition(actor, item, EditorialStatus.IN_REVIEW, "submitted")


def publish_item(*, actor: Any, item: EditorialItem) -> EditorialItem:
    """In review → published: public from now on, indexed for search after commit. A bulletin
    marked for push is pushed to its subscribers once (see tasks.push_bulletin)."""
    return _transition(actor, item, EditorialStatus.PUBLISHED, "published")


def return_to_draft(*, actor: Any, item: EditorialItem) -> EditorialItem:
    """In review, published or archived → draft (no longer public, removed from search)."""
    return _transition(actor, item, EditorialStatus.DRAFT, "returned_to_draft")


def archive_item(*, actor: Any, item: EditorialItem) -> EditorialItem:
    """Published → archived (no longer public, removed from search)."""
    return _transition(actor, item, EditorialStatus.ARCHIVED, "archived")


def _transition(actor: Any, item: EditorialItem, target: str, verb: str) -> EditorialItem:
    _require_editor(actor)
    current = item.status
    if target not in TRANSITIONS.get(current, ()):
        raise ValidationError(
            _("An item that is “%(current)s” cannot become “%(target)s”.")
            % {
                "current": EditorialStatus(current).label,
                "target": EditorialStatus(target).label,
            }
        )
    now = timezone.now()
    extra: dict[str, Any] = {"published_at": now} if target == EditorialStatus.PUBLISHED else {}
    with transaction.atomic():
        changed = (
            type(item)
            .objects.filter(pk=item.pk, status=current)
            .update(
                status=target, version=F("version") + 1, updated_by=actor, updated_at=now, **extra
            )
        )
        if not changed:
            raise ValidationError(_("Someone else changed this item meanwhile; reload and retry."))
        _version(actor, item, verb)
        record_event(
            actor=actor,
            action=f"knowledge.item_{verb}",
            target=item,
            before={"status": current},
            after={"status": target, "kind": item.kind},
        )
        if current == EditorialStatus.PUBLISHED or target == EditorialStatus.PUBLISHED:
            schedule_update(item.kind, str(item.code))
        publishing = target == EditorialStatus.PUBLISHED
        if publishing and isinstance(item, Bulletin) and item.push_to_subscribers:
            _queue_push(item.pk)
    return item


def _queue_push(bulletin_id: int) -> None:
    from .tasks import push_bulletin

    transaction.on_commit(lambda: push_bulletin.delay(bulletin_id))


def subscribe_to_bulletins(
    *, actor: Any, jurisdictions: list, industries: list
) -> BulletinSubscription:
    """Set the actor's enterprise subscription (empty lists: every pushed bulletin)."""
    membership = getattr(actor, "membership", None)
    if membership is None or not membership.is_enterprise:
        raise PermissionDenied(_("Only enterprises can subscribe to bulletins."))
    with transaction.atomic():
        subscription, created = BulletinSubscription.objects.get_or_create(
            organization=membership.organization
        )
        subscription.jurisdictions.set(jurisdictions)
        subscription.industries.set(industries)
        record_event(
            actor=actor,
            action="knowledge.bulletins_subscribed",
            target=subscription,
            after={
                "jurisdictions": sorted(j.code for j in jurisdictions),
                "industries": sorted(i.code for i in industries),
            },
        )
    return subscription


def unsubscribe_from_bulletins(*, actor: Any) -> None:
    """Remove the actor's enterprise subscription (nothing happens when there is none)."""
    membership = getattr(actor, "membership", None)
    if membership is None or not membership.is_enterprise:
        raise PermissionDenied(_("Only enterprises can subscribe to bulletins."))
    with transaction.atomic():
        deleted, _rows = BulletinSubscription.objects.filter(
            organization=membership.organization
        ).delete()
        if deleted:
            record_event(
                actor=actor,
                action="knowledge.bulletins_unsubscribed",
                target=membership.organization,
            )
