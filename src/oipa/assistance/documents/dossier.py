"""The case dossier (案卷): one PDF that archives the whole case, and a ZIP adding its files.

The PDF holds a cover, every formal document the case issued (in order), the messages, the
timeline of audit events and the list of files with their SHA-256, each section bookmarked.
The ZIP adds the original files and a SHA256SUMS manifest, so an archivist can check that the
files are those the platform received.
"""

from __future__ import annotations

import hashlib
import zipfile
from typing import BinaryIO

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from oipa.core.audit.services import events_for

from ..models import Application
from .content import EMPTY, build_document, day
from .history import DocumentKind, issuances
from .pdf import TEXT_WIDTH, Bookmark, build_pdf, document_flowables, label_table, para, table

CHUNK = 1024 * 1024


def render_dossier(application: Application) -> bytes:
    """The dossier PDF of a submitted case (callers check who may have it)."""
    flow = _cover(application)
    for index, issuance in enumerate(issuances(application), start=1):
        document = build_document(application, issuance)
        flow += [PageBreak(), Bookmark(document.title, f"doc{index}")]
        flow += document_flowables(document)
    flow += _messages(application) + _timeline(application) + _files(application)
    return build_pdf(
        flow,
        title=f"{DocumentKind.DOSSIER.label} {application.number}",
        subject=application.number,
        keywords=f"oipa dossier {application.code}",
    )


def _when(value) -> str:
    return date_format(timezone.localtime(value), "Y-m-d H:i") if value else EMPTY


def _cover(application: Application) -> list[Flowable]:
    app = application
    experts = ", ".join(str(link.expert) for link in app.experts.select_related("expert"))
    rows = [
        (_("Case number"), app.number),
        (_("Short title"), app.title or EMPTY),
        (_("Applicant"), app.applicant.name),
        (_("Dispute type"), app.get_dispute_type_display() or EMPTY),
        (_("Status"), str(app.get_status_display())),
        (_("Submitted at"), _when(app.submitted_at)),
        (_("Accepted at"), _when(app.accepted_at)),
        (_("Concluded at"), _when(app.concluded_at)),
        (_("Closed at"), _when(app.closed_at)),
        (_("Outcome"), app.get_outcome_display() or EMPTY),
        (_("Case officer"), str(app.case_officer) if app.case_officer else EMPTY),
        (_("Experts"), experts or EMPTY),
        (_("Confidential"), _("Yes") if app.confidential else _("No")),
        (_("Compiled on"), day(timezone.localdate())),
    ]
    return [
        Bookmark(str(DocumentKind.DOSSIER.label), "cover"),
        para(settings.CENTER_DISPLAY_NAME, "center"),
        Spacer(1, 30 * mm),
        para(str(DocumentKind.DOSSIER.label), "title"),
        para(app.number, "center"),
        Spacer(1, 20 * mm),
        label_table(rows),
    ]


def _section(title: str, key: str) -> list[Flowable]:
    return [PageBreak(), Bookmark(title, key), para(title, "title")]


def _messages(application: Application) -> list[Flowable]:
    messages = application.messages.select_related("author")
    rows = [[_("Time"), _("Author"), _("Message")]]
    rows += [[_when(m.created_at), str(m.author), m.body] for m in messages]
    if len(rows) == 1:
        return []
    widths = [34 * mm, 35 * mm, TEXT_WIDTH - 69 * mm]
    return _section(_("Messages"), "messages") + [table(rows, widths, header=True)]


def _timeline(application: Application) -> list[Flowable]:
    rows = [[_("Time"), _("By"), _("Event")]]
    for event in events_for(application):
        actor = _("System") if event.is_system else event.actor_label
        rows.append([_when(event.created_at), actor, str(event.action_label)])
    widths = [34 * mm, 55 * mm, TEXT_WIDTH - 89 * mm]
    return _section(_("Timeline"), "timeline") + [table(rows, widths, header=True)]


def _files(application: Application) -> list[Flowable]:
    rows = [[_("No."), _("File and SHA-256"), _("Uploaded"), _("Size (bytes)")]]
    for index, attachment in enumerate(_attachments(application), start=1):
        name = f"{attachment.original_name} ({attachment.get_kind_display()})"
        uploaded = f"{_when(attachment.uploaded_at)}\n{attachment.uploaded_by}"
        file = f"{name}\n{attachment.sha256}"
        rows.append([str(index), file, uploaded, str(attachment.size)])
    widths = [10 * mm, TEXT_WIDTH - 58 * mm, 30 * mm, 18 * mm]
    flow = _section(_("Files"), "files")
    if len(rows) == 1:
        return flow + [para(_("No files."))]
    return flow + [table(rows, widths, header=True, style="small")]


def _attachments(application: Application):
    return application.attachments.select_related("uploaded_by").order_by("uploaded_at", "pk")


def archive_name(index: int, original_name: str) -> str:
    """The path of a file inside the ZIP: numbered, without any directory the name claims."""
    safe = original_name.replace("/", "_").replace("\\", "_").lstrip(".") or "file"
    return f"files/{index:03d}-{safe}"


def write_dossier_zip(application: Application, target: BinaryIO) -> list:
    """Write the dossier ZIP (dossier.pdf, files/, SHA256SUMS) to `target`; returns the
    attachments included, so the caller can log access to them."""
    attachments = list(_attachments(application))
    sums = []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("dossier.pdf", render_dossier(application))
        for index, attachment in enumerate(attachments, start=1):
            name = archive_name(index, attachment.original_name)
            digest = _copy_into(archive, name, attachment)
            mark = "" if digest == attachment.sha256 else "  # " + _("differs from upload")
            sums.append(f"{digest}  {name}{mark}")
        archive.writestr("SHA256SUMS", "\n".join(sums) + "\n" if sums else "")
    return attachments


def _copy_into(archive: zipfile.ZipFile, name: str, attachment) -> str:
    digest = hashlib.sha256()
    with attachment.file.open("rb") as source, archive.open(name, "w") as sink:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            sink.write(chunk)
    return digest.hexdigest()
