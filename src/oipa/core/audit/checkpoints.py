"""Signed checkpoints of the audit chain head, kept outside the database.

A checkpoint is one JSON line `{"seq", "hash", "algorithm", "at", "sig"}` appended to
`settings.AUDIT_CHECKPOINT_PATH`, where `sig` is an HMAC-SHA256 of the line's other fields keyed
by a key derived from SECRET_KEY (Django's `salted_hmac`). Someone who can rewrite the database
cannot move these anchors without the key, so cutting off the newest events, or rewriting the
chain from some point on, is detected by `chain.verify_chain`. Each checkpoint is also logged on
logger "oipa.audit.checkpoint", a second copy for the log collector.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from oipa.core.audit.hashing import canonical_json
from oipa.core.audit.models import AuditEvent

logger = logging.getLogger("oipa.audit.checkpoint")

SIGNING_SALT = "oipa.core.audit.checkpoint"


@dataclass(frozen=True)
class Checkpoint:
    """One signed record of the chain head: event `seq` carried `hash` at time `at`."""

    seq: int
    hash: str
    algorithm: str
    at: str
    sig: str

    def body(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash, "algorithm": self.algorithm, "at": self.at}


class InvalidCheckpoint(Exception):
    """A checkpoint line that is malformed or whose signature does not verify."""

    def __init__(self, line_no: int, seq: int | None, reason: str) -> None:
        super().__init__(reason)
        self.line_no = line_no
        self.seq = seq
        self.reason = reason


def checkpoint_path() -> Path:
    return Path(settings.AUDIT_CHECKPOINT_PATH)


def sign(body: dict[str, Any], secret: str | None = None) -> str:
    """HMAC-SHA256 of the canonical JSON of `body`, keyed from SECRET_KEY (or `secret`)."""
    mac = salted_hmac(SIGNING_SALT, canonical_json(body), secret=secret, algorithm="sha256")
    return mac.hexdigest()


def write_checkpoint() -> Checkpoint | None:
    """Append a signed checkpoint of the newest event; None when there is nothing new to record.

    Idempotent: when the last line already records the newest event, nothing is appended. A head
    older than the last checkpoint is not recorded (that is a truncation `verify_audit` reports).
    The file is locked while it is read and appended, so two workers cannot interleave lines.
    """
    newest = AuditEvent.objects.order_by("-seq").values("seq", "hash", "algorithm").first()
    if newest is None:
        return None
    path = checkpoint_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        last = _last_parsed(handle)
        if last is not None and (last.get("seq"), last.get("hash")) == (
            newest["seq"],
            newest["hash"],
        ):
            return None
        if last is not None and isinstance(last.get("seq"), int) and last["seq"] > newest["seq"]:
            logger.error(
                "audit chain head seq=%s is older than the last checkpoint seq=%s; not recorded",
                newest["seq"],
                last["seq"],
            )
            return None
        checkpoint = _new_checkpoint(newest)
        handle.seek(0, os.SEEK_END)
        handle.write(canonical_json(asdict(checkpoint)) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    logger.info(
        "audit chain head seq=%s hash=%s algorithm=%s at=%s",
        checkpoint.seq,
        checkpoint.hash,
        checkpoint.algorithm,
        checkpoint.at,
    )
    return checkpoint


def read_checkpoints() -> list[Checkpoint]:
    """Every checkpoint in the file, oldest first; InvalidCheckpoint at the first bad line."""
    path = checkpoint_path()
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [_parse(line_no, line) for line_no, line in _numbered_lines(handle)]


def _new_checkpoint(newest: Mapping[str, Any]) -> Checkpoint:
    body = {
        "seq": newest["seq"],
        "hash": newest["hash"],
        "algorithm": newest["algorithm"],
        "at": timezone.now().isoformat(timespec="seconds"),
    }
    return Checkpoint(**body, sig=sign(body))


def _numbered_lines(handle: Any) -> Iterator[tuple[int, str]]:
    for line_no, line in enumerate(handle, start=1):
        if line.strip():
            yield line_no, line


def _last_parsed(handle: Any) -> dict[str, Any] | None:
    last = None
    for _line_no, line in _numbered_lines(handle):
        last = line
    if last is None:
        return None
    try:
        data = json.loads(last)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _parse(line_no: int, line: str) -> Checkpoint:
    try:
        data = json.loads(line)
        checkpoint = Checkpoint(
            seq=data["seq"],
            hash=data["hash"],
            algorithm=data["algorithm"],
            at=data["at"],
            sig=data["sig"],
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise InvalidCheckpoint(
            line_no, None, _("Checkpoint line %(line)d is malformed.") % {"line": line_no}
        ) from exc
    if not isinstance(checkpoint.seq, int) or not isinstance(checkpoint.hash, str):
        raise InvalidCheckpoint(
            line_no, None, _("Checkpoint line %(line)d is malformed.") % {"line": line_no}
        )
    if not _signature_valid(checkpoint):
        raise InvalidCheckpoint(
            line_no,
            checkpoint.seq,
            _(
                "Checkpoint line %(line)d (event %(seq)d) has an invalid signature: "
                "it was edited or forged."
            )
            % {"line": line_no, "seq": checkpoint.seq},
        )
    return checkpoint


def _signature_valid(checkpoint: Checkpoint) -> bool:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    body = checkpoint.body()
    return any(constant_time_compare(sign(body, secret), str(checkpoint.sig)) for secret in secrets)
