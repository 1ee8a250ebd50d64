"""Virus scanning of uploads through clamd's INSTREAM command, when VIRUS_SCAN_URL is set.

clamd should run with `AlertExceedsMax yes` so files beyond its limits are reported, not
silently passed. Without a configured scanner uploads are accepted unscanned.
"""

from __future__ import annotations

import socket
import struct
from urllib.parse import urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CHUNK = 64 * 1024
TIMEOUT = 30  # seconds, for connecting and for each read


def scan_upload(upload) -> None:
    """Raise ValidationError when the scanner finds something ("infected"), cannot be reached
    ("scan_unavailable") or cannot check the file ("scan_failed"): unscanned files never pass
    once a scanner is configured."""
    url = settings.VIRUS_SCAN_URL
    if not url:
        return
    try:
        reply = _instream(url, upload)
    except OSError as exc:
        raise ValidationError(
            _("The virus scanner is unavailable; please try again later."), code="scan_unavailable"
        ) from exc
    finally:
        upload.seek(0)
    if reply.endswith("FOUND"):
        raise ValidationError(_("The file was rejected by the virus scanner."), code="infected")
    if not reply.endswith("OK"):  # e.g. "INSTREAM size limit exceeded. ERROR"
        raise ValidationError(
            _("The virus scanner could not check this file; please try again later."),
            code="scan_failed",
        )


def _connect(url: str) -> socket.socket:
    parsed = urlparse(url)
    if parsed.scheme == "unix":
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(TIMEOUT)
        sock.connect(parsed.path)
    else:
        sock = socket.create_connection((parsed.hostname, parsed.port or 3310), timeout=TIMEOUT)
    sock.settimeout(TIMEOUT)
    return sock


def _instream(url: str, upload) -> str:
    with _connect(url) as sock:
        sock.sendall(b"zINSTREAM\0")
        upload.seek(0)
        for chunk in iter(lambda: upload.read(CHUNK), b""):
            sock.sendall(struct.pack("!L", len(chunk)) + chunk)
        sock.sendall(struct.pack("!L", 0))
        return _read_reply(sock)


def _read_reply(sock: socket.socket) -> str:
    # clamd ends a z-command's reply with NUL; a reply may arrive in several packets.
    reply = b""
    while b"\0" not in reply and len(reply) < 4096:
        packet = sock.recv(4096)
        if not packet:
            break
        reply += packet
    return reply.split(b"\0", 1)[0].decode("utf-8", "replace").strip()
