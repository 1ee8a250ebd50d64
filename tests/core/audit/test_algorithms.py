"""SHA-256 by default, SM3 (GM/T 0004) by setting; a chain may switch and still verify."""

from __future__ import annotations

from django.test import override_settings

from oipa.core.audit.chain import verify_chain, write_checkpoint
from oipa.core.audit.hashing import digest
from oipa.core.audit.models import AuditEvent


def test_sm3_matches_the_gmt_0004_example():
    assert digest(b"abc", "sm3") == (
        "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    )


def test_events_are_hashed_with_sm3_when_selected(make_events):
    with override_settings(AUDIT_HASH_ALGORITHM="sm3"):
        events = make_events(3)
    assert {e.algorithm for e in events} == {"sm3"}
    assert verify_chain().ok


def test_a_chain_that_switches_algorithm_verifies(make_events):
    make_events(2)
    with override_settings(AUDIT_HASH_ALGORITHM="sm3"):
        make_events(2)
        write_checkpoint()
    make_events(1)
    assert list(AuditEvent.objects.values_list("algorithm", flat=True)) == [
        "sha256",
        "sha256",
        "sm3",
        "sm3",
        "sha256",
    ]
    assert verify_chain().ok


def test_relabelling_an_events_algorithm_is_detected(make_events):
    with override_settings(AUDIT_HASH_ALGORITHM="sm3"):
        make_events(3)
    AuditEvent.objects.filter(seq=2).update(algorithm="sha256")
    assert verify_chain().first_broken_seq == 2


def test_an_unknown_algorithm_is_detected(make_events):
    make_events(2)
    AuditEvent.objects.filter(seq=1).update(algorithm="md5")
    assert verify_chain().first_broken_seq == 1
