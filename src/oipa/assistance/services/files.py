"""Case files: checked by content, size-limited, virus-scanned when configured, stored under
random names, and (for confidential cases) every access logged for the applicant to see."""

from __future__ import annotations

import codecs
import hashlib
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ..access import can_read_content, is_applicant
from ..models import Application, Attachment, AttachmentKind, FileAccess
from ..scanning import scan_upload
from ..workflow import Status
from ._common import (
    audit,
    center_handlers,
    enterprise_contacts,
    locked,
    notify_event,
    require_guide,
    require_submitted,
)

ALLOWED = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".txt": "text/plain",
    ".zip": "application/zip",
}

# Word and Excel files are ZIP archives: a .zip holding one is still a ZIP.
OFFICE_ZIPS = {ALLOWED[".docx"], ALLOWED[".xlsx"]}


def sniff(head: bytes, upload) -> str | None:
    """The content type the bytes really are (among the allowed ones), or None."""
    if head.startswith(b"%PDF-"):
        return ALLOWED[".pdf"]
    if head.startswith(b"\xff\xd8\xff"):
        return ALLOWED[".jpg"]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ALLOWED[".png"]
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(upload)
    if b"\x00" not in head and _decodes_as_text(head):
        return ALLOWED[".txt"]
    return None


def _decodes_as_text(head: bytes) -> bool:
    # The head is cut at a fixed length, possibly inside a multi-byte character: decode it as
    # the start of a longer stream (final=False) so a cut character is not mistaken for binary.
    for encoding in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _zip_kind(upload) -> str | None:
    upload.seek(0)
    try:
        names = set(zipfile.ZipFile(upload).namelist())
    except zipfile.BadZipFile:
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
        return ALLOWED[".docx"]
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        return ALLOWED[".xlsx"]
    return ALLOWED[".zip"]


def check_upload(upload) -> tuple[str, str]:
    """(content type, sha256) of an acceptable upload; a clear ValidationError otherwise."""
    name = PurePath(upload.name or "").name
    extension = PurePath(name).suffix.lower()
    if extension not in ALLOWED:
        raise ValidationError(
            _(
                "Files of type “%(ext)s” are not accepted. Allowed: PDF, Word (.docx), Excel "
                "(.xlsx), JPG, PNG, text and ZIP."
            )
            % {"ext": extension or name},
            code="file_type",
        )
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(mb)d MB.")
            % {"mb": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)},
            code="file_size",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    actual = sniff(head, upload)
    expected = ALLOWED[extension]
    if actual != expected and not (expected == ALLOWED[".zip"] and actual in OFFICE_ZIPS):
        raise ValidationError(
            _(
                "The content of “%(name)s” does not match its extension; the file may be "
                "damaged or disguised."
            )
            % {"name": name},
            code="file_disguised",
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    scan_upload(upload)
    return expected, digest.hexdigest()


def store_attachment(*, actor, application: Application, upload, kind: str) -> Attachment:
    """Check and store one file (inside the caller's transaction); no audit of its own."""
    if kind not in AttachmentKind.values:
        raise ValidationError({"kind": _("Choose what kind of document this is.")})
    content_type, sha256 = check_upload(upload)
    attachment = Attachment(
        application=application,
        kind=kind,
        original_name=PurePath(upload.name).name[:255],
        content_type=content_type,
        size=upload.size,
        sha256=sha256,
        uploaded_by=actor,
    )
    attachment.file.save("upload", upload, save=False)
    attachment.save()
    return attachment


def _check_upload_allowed(actor, application: Application, kind: str) -> bool:
    """Whether the actor uploads as the applicant; PermissionDenied or ValidationError when the
    actor or the case's state does not allow an upload."""
    as_applicant = is_applicant(actor, application)
    if not as_applicant:
        require_guide(actor, application)
        require_submitted(application)
    elif kind == AttachmentKind.OPINION:
        raise ValidationError({"kind": _("Only the Center and its experts give opinions.")})
    if application.status in (Status.CLOSED, Status.WITHDRAWN):
        raise ValidationError(_("Files cannot be added to a closed case."), code="closed")
    return as_applicant


def upload_attachment(*, actor, application: Application, upload, kind: str) -> Attachment:
    """The enterprise (on its draft or case), Center staff or an assigned expert adds a file to
    a case that is not closed or withdrawn; the other side is told."""
    with transaction.atomic():
        application = locked(application)
        as_applicant = _check_upload_allowed(actor, application, kind)
        attachment = store_attachment(
            actor=actor, application=application, upload=upload, kind=kind
        )
        audit(
            actor,
            application,
            "assistance.file_uploaded",
            file=attachment.original_name,
            kind=kind,
            sha256=attachment.sha256,
        )
        if application.status != Status.DRAFT:
            recipients = (
                center_handlers(application) if as_applicant else enterprise_contacts(application)
            )
            notify_event(
                application,
                f"file-{attachment.pk}",
                recipients,
                _lazy("A file was added to the case"),
                attachment.original_name,
                actor=actor,
            )
    return attachment


def record_file_access(*, actor, attachment: Attachment) -> None:
    """Log a view or download by someone who may see the case and read its content
    (PermissionDenied otherwise). Every access to a confidential case's file is kept as a
    FileAccess and shown to the applicant; accesses to other cases' files go to the audit
    trail only."""
    application = attachment.application
    visible = Application.objects.visible_to(actor).filter(pk=application.pk).exists()
    if not visible or not can_read_content(actor, application):
        raise PermissionDenied
    with transaction.atomic():
        if application.confidential:
            FileAccess.objects.create(attachment=attachment, user=actor)
        audit(
            actor,
            application,
            "assistance.file_downloaded",
            file=attachment.original_name,
            attachment=str(attachment.code),
        )
