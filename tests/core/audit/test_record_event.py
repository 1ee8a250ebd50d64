"""record_event: appends a chained event with snapshots of who, for whom and what."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.db import transaction

from oipa.core.audit.hashing import event_hash
from oipa.core.audit.models import GENESIS_HASH, AppendOnlyError, AuditChainHead, AuditEvent
from oipa.core.audit.services import events_for, record_event


def test_it_chains_each_event_to_the_one_before(make_events):
    events = make_events(4)
    assert [e.seq for e in events] == [1, 2, 3, 4]
    assert events[0].prev_hash == GENESIS_HASH
    for previous, event in zip(events, events[1:], strict=False):
        assert event.prev_hash == previous.hash
    assert len({e.hash for e in events}) == 4


def test_it_stores_a_hash_that_recomputes_from_the_stored_row(make_events):
    make_events(2)
    for row in AuditEvent.objects.values():
        assert event_hash(row) == row["hash"]


def test_it_moves_the_chain_head_to_the_newest_event(make_events):
    events = make_events(3)
    head = AuditChainHead.objects.get()
    assert (head.seq, head.hash) == (3, events[-1].hash)


def test_it_snapshots_actor_target_and_the_targets_organization(center_staff, enterprise):
    event = record_event(
        actor=center_staff, action="accounts.enterprise_updated", target=enterprise, ip="10.0.0.9"
    )
    event.refresh_from_db()
    assert event.actor_label == "staff@center.cn"
    assert event.organization == enterprise
    assert event.organization_label == "北京星河科技有限公司"
    assert event.target_type == "accounts.organization"
    assert event.target_id == str(enterprise.code)
    assert event.target_label == "北京星河科技有限公司"
    assert event.ip == "10.0.0.9"
    assert event.algorithm == "sha256"


def test_it_defaults_the_organization_to_the_actors_without_a_target(center_staff, center):
    event = record_event(actor=center_staff, action="core.settings_changed")
    assert event.organization == center
    assert event.target_type == ""


def test_it_uses_the_pk_when_the_target_has_no_public_code(center_staff, center):
    membership = center_staff.membership
    event = record_event(actor=center_staff, action="accounts.role_changed", target=membership)
    assert event.target_id == str(membership.pk)
    assert event.organization == center


def test_it_records_system_events_without_an_actor(db):
    event = record_event(actor=None, action="monitoring.feed_imported", after={"count": 3})
    assert event.actor is None
    assert event.actor_label == "system"
    assert event.organization is None
    assert event.is_system


def test_it_stores_summaries_as_plain_json(center_staff):
    code = uuid.uuid4()
    event = record_event(
        actor=center_staff,
        action="funding.grant_changed",
        before={"amount": Decimal("10.50"), "ratio": 2.0, "when": dt.date(2025, 1, 2)},
        after={"code": code, "tags": ("a", "b"), "ratio": 0.25},
    )
    event.refresh_from_db()
    assert event.before == {"amount": "10.50", "ratio": 2, "when": "2025-01-02"}
    assert event.after == {"code": str(code), "tags": ["a", "b"], "ratio": 0.25}


def test_it_stores_ipv4_mapped_addresses_as_ipv4(center_staff):
    event = record_event(actor=center_staff, action="accounts.logged_in", ip="::ffff:10.0.0.1")
    assert event.ip == "10.0.0.1"


def test_it_rejects_an_action_that_is_not_dotted(center_staff):
    with pytest.raises(ValueError):
        record_event(actor=center_staff, action="updated")


def test_it_rolls_back_with_the_callers_transaction(center_staff):
    with pytest.raises(RuntimeError), transaction.atomic():
        record_event(actor=center_staff, action="accounts.enterprise_updated")
        raise RuntimeError("the change failed")
    assert not AuditEvent.objects.exists()
    event = record_event(actor=center_staff, action="accounts.enterprise_updated")
    assert event.seq == 1


def test_it_refuses_to_change_or_delete_a_stored_event(make_events):
    (event,) = make_events(1)
    event.action = "accounts.something_else"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().action == "accounts.enterprise_updated"


def test_events_for_lists_a_targets_events_oldest_first(
    make_events, center_staff, center, enterprise
):
    make_events(2)
    record_event(actor=center_staff, action="core.center_renamed", target=center)
    assert [e.seq for e in events_for(enterprise)] == [1, 2]
    assert [e.action for e in events_for(center)] == ["core.center_renamed"]
