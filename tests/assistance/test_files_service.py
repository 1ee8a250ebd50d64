"""Case files: type by content, size limit, random storage names, the clamd scan hook."""

from __future__ import annotations

import io
import re
import socket
import socketserver
import struct
import threading
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from oipa.assistance import services
from oipa.assistance.builders import MINIMAL_PDF, pdf_upload
from oipa.assistance.models import Attachment

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def _zip(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


def _text() -> bytes:
    # Long enough that the sniffed head (2048 bytes) ends inside a three-byte character.
    return ("a" + "海外知识产权纠纷应对指导。" * 200).encode("utf-8")


ACCEPTED = {
    "complaint.pdf": (MINIMAL_PDF, "application/pdf"),
    "photo.png": (PNG, "image/png"),
    "photo.jpg": (JPG, "image/jpeg"),
    "letter.docx": (
        _zip(["[Content_Types].xml", "word/document.xml"]),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "sales.xlsx": (
        _zip(["[Content_Types].xml", "xl/workbook.xml"]),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "notes.txt": (_text(), "text/plain"),
    "evidence.zip": (_zip(["a.txt", "b.txt"]), "application/zip"),
}
REFUSED = {
    "disguised.pdf": (PNG, "file_disguised"),
    "setup.pdf": (EXE, "file_disguised"),
    "setup.exe": (EXE, "file_type"),
    "notes.zip": (b"just text", "file_disguised"),
    "empty.pdf": (b"", "file_empty"),
    "noextension": (MINIMAL_PDF, "file_type"),
}


def _upload(personas, application, name: str, content: bytes, kind="evidence"):
    return services.upload_attachment(
        actor=personas["chaoyang"],
        application=application,
        upload=SimpleUploadedFile(name, content),
        kind=kind,
    )


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_it_accepts_an_allowed_type_checked_by_content(personas, submitted, name):
    content, content_type = ACCEPTED[name]

    attachment = _upload(personas, submitted, name, content)

    assert attachment.content_type == content_type
    assert attachment.size == len(content)
    with attachment.file.open("rb") as stored:
        assert stored.read() == content


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_it_refuses_a_disguised_empty_or_unknown_file(personas, submitted, name):
    content, code = REFUSED[name]

    with pytest.raises(ValidationError) as info:
        _upload(personas, submitted, name, content)

    assert info.value.code == code
    assert not Attachment.objects.exists()


def test_it_refuses_a_file_over_the_configured_size(personas, submitted, settings):
    settings.ATTACHMENT_MAX_BYTES = len(MINIMAL_PDF) - 1

    with pytest.raises(ValidationError) as info:
        _upload(personas, submitted, "big.pdf", MINIMAL_PDF)

    assert info.value.code == "file_size"


def test_it_stores_files_under_random_names_unrelated_to_the_original(personas, submitted):
    first = _upload(personas, submitted, "起诉状-secret.pdf", MINIMAL_PDF)
    second = _upload(personas, submitted, "起诉状-secret.pdf", MINIMAL_PDF)

    assert re.fullmatch(r"attachments/\d{4}/\d{2}/[0-9a-f]{32}", first.file.name)
    assert first.file.name != second.file.name
    assert "secret" not in first.file.name and "pdf" not in first.file.name
    assert first.original_name == "起诉状-secret.pdf"


def test_an_enterprise_may_not_upload_a_guidance_opinion(personas, submitted):
    with pytest.raises(ValidationError):
        _upload(personas, submitted, "op.pdf", MINIMAL_PDF, kind="opinion")


def test_no_file_is_stored_when_an_opinion_is_refused(personas, make_case, settings, tmp_path):
    application = make_case("submitted")  # not yet in guidance

    with pytest.raises(ValidationError):
        services.upload_guidance_opinion(
            actor=personas["staff"], application=application, upload=pdf_upload(), summary="s"
        )

    media = tmp_path / "media"
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_it_refuses_files_on_a_withdrawn_case(personas, make_case):
    application = make_case("withdrawn")

    with pytest.raises(ValidationError) as info:
        _upload(personas, application, "late.pdf", MINIMAL_PDF)

    assert info.value.code == "closed"


class FakeClamd(socketserver.BaseRequestHandler):
    """Answers INSTREAM like clamd: FOUND when the stream holds the EICAR string."""

    def handle(self):
        command = b""
        while not command.endswith(b"\0"):
            command += self.request.recv(1)
        assert command == b"zINSTREAM\0"
        data = b""
        while True:
            size = struct.unpack("!L", self._read(4))[0]
            if size == 0:
                break
            data += self._read(size)
        reply = b"stream: Eicar FOUND\0" if b"EICAR" in data else b"stream: OK\0"
        self.request.sendall(reply)

    def _read(self, count: int) -> bytes:
        data = b""
        while len(data) < count:
            data += self.request.recv(count - len(data))
        return data


@pytest.fixture
def clamd(settings):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), FakeClamd)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.VIRUS_SCAN_URL = f"clamd://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()


def test_a_clean_file_passes_the_virus_scan(personas, submitted, clamd):
    attachment = _upload(personas, submitted, "clean.txt", b"nothing to see")

    assert attachment.pk is not None


def test_an_infected_file_is_refused_by_the_virus_scan(personas, submitted, clamd):
    with pytest.raises(ValidationError) as info:
        _upload(personas, submitted, "eicar.txt", EICAR)

    assert info.value.code == "infected"
    assert not Attachment.objects.exists()


def test_an_unreachable_scanner_refuses_the_file(personas, submitted, settings):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.VIRUS_SCAN_URL = f"clamd://127.0.0.1:{port}"

    with pytest.raises(ValidationError) as info:
        _upload(personas, submitted, "clean.txt", b"nothing to see")

    assert info.value.code == "scan_unavailable"
    assert not Attachment.objects.exists()
