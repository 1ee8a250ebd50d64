"""Case files: checked by content, size-limited, virus-scanned when configured, stored under
random names, and (for confidential cases) every access logged for the applicant to see."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from oipa.core.audit.services import record_event

from ..access import can_read_content, is_applicant
from ..models import Application, Attachment, AttachmentKind, FileAccess
from ..scanning import scan_upload
from ._common import center_handlers, enterprise_contacts, notify_event, require_guide

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
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            try:
                head.decode("gb18030")
            except UnicodeDecodeError:
                return None
        return ALLOWED[".txt"]
    return None


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
    if actual != expected and not (expected == ALLOWED[".zip"] and actual in ALLOWED.values()):
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


def upload_attachment(*, actor, application: Application, upload, kind: str) -> Attachment:
    """The enterprise or the Center adds a file to a case (not to a closed one)."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if not is_applicant(actor, application):
            require_guide(actor, application)
        if application.status in ("closed", "withdrawn"):
            raise ValidationError(_("Files cannot be added to a closed case."), code="closed")
        attachment = store_attachment(
            actor=actor, application=application, upload=upload, kind=kind
        )
        record_event(
            actor=actor,
            action="assistance.file_uploaded",
            target=application,
            organization=application.applicant,
            after={"file": attachment.original_name, "kind": kind, "sha256": attachment.sha256},
        )
        if application.status != "draft":
            recipients = (
                center_handlers(application)
                if is_applicant(actor, application)
                else enterprise_contacts(application)
            )
            notify_event(
                application,
                f"file-{attachment.pk}",
                recipients,
                _lazy("A file was added to the case"),
                attachment.original_name,
            )
    return attachment


def record_file_access(*, actor, attachment: Attachment) -> None:
    """Log a view or download. Every access to a confidential case's file is kept and shown to
    the applicant; accesses to other cases' files go to the audit trail only."""
    application = attachment.application
    if not can_read_content(actor, application):
        raise PermissionDenied
    with transaction.atomic():
        if application.confidential:
            FileAccess.objects.create(attachment=attachment, user=actor)
        record_event(
            actor=actor,
            action="assistance.file_downloaded",
            target=application,
            organization=application.applicant,
            after={"file": attachment.original_name, "attachment": str(attachment.code)},
        )
