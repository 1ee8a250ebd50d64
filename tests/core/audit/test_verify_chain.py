"""verify_chain: every way of tampering with stored events is found, naming the first break."""

from __future__ import annotations

import json

from django.db import connection
from django.db.models import F
from django.utils import translation

from oipa.core.audit.chain import verify_chain, write_checkpoint
from oipa.core.audit.hashing import HASHED_FIELDS, event_hash
from oipa.core.audit.models import AuditChainHead, AuditEvent

from .tampering import TABLE, content, delete_rows, move_head_to_newest, rehash_from, swap_contents


def test_an_empty_trail_is_intact(db):
    assert verify_chain().ok


def test_an_untouched_chain_is_intact(make_events):
    make_events(5)
    write_checkpoint()
    result = verify_chain()
    assert (result.ok, result.checked, result.first_broken_seq, result.checkpoints) == (
        True,
        5,
        None,
        1,
    )


def test_it_finds_an_edited_field(make_events):
    make_events(5)
    AuditEvent.objects.filter(seq=3).update(after={"n": 300})
    result = verify_chain()
    assert (result.ok, result.first_broken_seq, result.checked) == (False, 3, 2)
    with translation.override("en"):
        assert "altered" in verify_chain().reason


def test_it_finds_an_edited_time_actor_or_ip(make_events, auditor):
    make_events(5)
    AuditEvent.objects.filter(seq=2).update(actor=auditor, actor_label=auditor.email)
    assert verify_chain().first_broken_seq == 2
    AuditEvent.objects.filter(seq=1).update(ip="10.9.9.9")
    assert verify_chain().first_broken_seq == 1


def test_it_finds_an_edited_row_whose_own_hash_was_recomputed(make_events):
    make_events(5)
    row = AuditEvent.objects.filter(seq=3).values(*HASHED_FIELDS).get()
    row["action"] = "accounts.nothing_happened"
    AuditEvent.objects.filter(seq=3).update(action=row["action"], hash=event_hash(row))
    assert verify_chain().first_broken_seq == 4


def test_it_finds_a_deleted_middle_row(make_events):
    make_events(5)
    delete_rows(3)
    result = verify_chain()
    assert (result.ok, result.first_broken_seq, result.checked) == (False, 3, 2)
    with translation.override("en"):
        assert "missing" in verify_chain().reason


def test_it_finds_a_deleted_first_row(make_events):
    make_events(3)
    delete_rows(1)
    assert verify_chain().first_broken_seq == 1


def forged_after(seq: int, new_seq: int) -> AuditEvent:
    """A well-formed event at `new_seq` linking to event `seq`, with a correct hash of its own."""
    fields = content(seq)
    fields.update(seq=new_seq, action="accounts.forged", prev_hash=fields.pop("hash"))
    return AuditEvent(**fields, hash=event_hash(fields))


def test_it_finds_a_forged_row_inserted_in_the_middle(make_events):
    make_events(5)
    AuditEvent.objects.filter(seq__gte=3).update(seq=F("seq") + 1000)
    AuditEvent.objects.filter(seq__gte=1000).update(seq=F("seq") - 999)
    AuditEvent.objects.bulk_create([forged_after(2, 3)])
    result = verify_chain()
    assert (result.ok, result.first_broken_seq) == (False, 4)


def test_it_finds_a_row_appended_outside_the_service(make_events):
    make_events(5)
    AuditEvent.objects.bulk_create([forged_after(5, 6)])
    result = verify_chain()
    assert (result.ok, result.first_broken_seq, result.checked) == (False, 6, 6)
    with translation.override("en"):
        assert "outside the audit service" in verify_chain().reason


def test_it_finds_a_row_inserted_with_raw_sql(make_events):
    make_events(3)
    fields = content(3) | {"seq": 4, "prev_hash": content(3)["hash"], "hash": "f" * 64}
    columns = ", ".join(fields)
    placeholders = ", ".join(["%s"] * len(fields))
    values = [json.dumps(v) if k in ("before", "after") else v for k, v in fields.items()]
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} ({columns}) VALUES ({placeholders})", values)
    assert verify_chain().first_broken_seq == 4


def test_it_finds_two_rows_whose_contents_were_swapped(make_events):
    make_events(5)
    swap_contents(2, 4)
    result = verify_chain()
    assert (result.ok, result.first_broken_seq) == (False, 2)


def test_it_finds_two_rows_whose_order_was_swapped(make_events):
    make_events(5)
    AuditEvent.objects.filter(seq=2).update(seq=100)
    AuditEvent.objects.filter(seq=3).update(seq=2)
    AuditEvent.objects.filter(seq=100).update(seq=3)
    assert verify_chain().first_broken_seq == 2


def test_it_finds_the_newest_events_cut_off_by_the_head_row(make_events):
    make_events(5)
    delete_rows(4, 5)
    result = verify_chain(checkpoints=False)
    assert (result.ok, result.first_broken_seq, result.checked) == (False, 4, 3)
    with translation.override("en"):
        assert "newest events were removed" in verify_chain().reason


def test_it_finds_the_newest_events_cut_off_after_a_checkpoint(make_events):
    make_events(5)
    write_checkpoint()
    delete_rows(4, 5)
    move_head_to_newest()  # a careful attacker also rewinds the head row
    assert verify_chain(checkpoints=False).ok
    result = verify_chain()
    assert (result.ok, result.first_broken_seq) == (False, 4)


def test_it_finds_a_tail_rewritten_with_fresh_hashes_against_the_checkpoint(make_events):
    make_events(5)
    write_checkpoint()
    make_events(2)
    AuditEvent.objects.filter(seq=3).update(after={"n": "rewritten"})
    rehash_from(3)
    move_head_to_newest()
    assert verify_chain(checkpoints=False).ok
    assert verify_chain().first_broken_seq == 5


def test_it_finds_a_tail_rewritten_against_the_head_row(make_events):
    make_events(5)
    AuditEvent.objects.filter(seq=4).update(after={"n": "rewritten"})
    rehash_from(4)
    result = verify_chain()
    assert (result.ok, result.first_broken_seq) == (False, 5)
    with translation.override("en"):
        assert "chain head" in verify_chain().reason


def test_it_finds_an_edited_checkpoint_line(make_events, checkpoint_file):
    make_events(3)
    write_checkpoint()
    make_events(1)
    write_checkpoint()
    lines = checkpoint_file.read_text().splitlines()
    first = json.loads(lines[0])
    first["hash"] = "0" * 64
    checkpoint_file.write_text(json.dumps(first) + "\n" + lines[1] + "\n")
    result = verify_chain()
    assert (result.ok, result.first_broken_seq) == (False, 3)
    with translation.override("en"):
        assert "Checkpoint line 1" in verify_chain().reason


def test_it_finds_a_forged_checkpoint_line(make_events, checkpoint_file):
    make_events(3)
    write_checkpoint()
    forged = {
        "seq": 9,
        "hash": "a" * 64,
        "algorithm": "sha256",
        "at": "2030-01-01",
        "sig": "0" * 64,
    }
    with checkpoint_file.open("a") as handle:
        handle.write(json.dumps(forged) + "\n")
    assert verify_chain().first_broken_seq == 9


def test_it_finds_a_garbled_checkpoint_line(make_events, checkpoint_file):
    make_events(1)
    write_checkpoint()
    with checkpoint_file.open("a") as handle:
        handle.write("{not json\n")
    result = verify_chain()
    assert (result.ok, result.first_broken_seq) == (False, None)


def test_it_accepts_checkpoints_signed_with_a_retired_secret_key(make_events, settings):
    make_events(2)
    write_checkpoint()
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    assert verify_chain().ok


def test_it_streams_rows_in_chunks(make_events, monkeypatch):
    from oipa.core.audit import chain

    monkeypatch.setattr(chain, "CHUNK_SIZE", 2)
    make_events(7)
    assert verify_chain().checked == 7


def test_the_head_row_is_rebuilt_when_missing(make_events):
    make_events(2)
    AuditChainHead.objects.all().delete()
    make_events(1)
    assert verify_chain().ok
