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


def scan_upload(upload) -> None:
    """Raise ValidationError when the scanner finds something or cannot be reached."""
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
    if not reply.endswith("OK"):
        raise ValidationError(_("The file was rejected by the virus scanner."), code="infected")


def _connect(url: str) -> socket.socket:
    parsed = urlparse(url)
    if parsed.scheme == "unix":
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(parsed.path)
    else:
        sock = socket.create_connection((parsed.hostname, parsed.port or 3310))
    sock.settimeout(30)
    return sock


def _instream(url: str, upload) -> str:
    with _connect(url) as sock:
        sock.sendall(b"zINSTREAM\0")
        upload.seek(0)
        for chunk in iter(lambda: upload.read(CHUNK), b""):
            sock.sendall(struct.pack("!L", len(chunk)) + chunk)
        sock.sendall(struct.pack("!L", 0))
        return sock.recv(4096).rstrip(b"\0").decode("utf-8", "replace").strip()
