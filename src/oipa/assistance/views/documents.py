"""Downloading a case's formal documents and its dossier (always as attachments)."""

from __future__ import annotations

import tempfile
from io import BytesIO

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from .. import documents, services
from ..access import get_application_for_user
from ..documents import DocumentKind

SPOOL_BYTES = 16 * 1024 * 1024


def _download(content, filename: str, content_type: str) -> FileResponse:
    response = FileResponse(
        content, as_attachment=True, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@login_required
def document(request, code, kind):
    """One formal document (or the dossier PDF) of a case; 404 unless the user may have it."""
    application = get_application_for_user(request.user, code)
    if kind not in documents.documents_for(request.user, application):
        raise Http404
    pdf = documents.render_document(application, kind)
    filename = f"{application.number}-{DocumentKind(kind).label}.pdf"
    return _download(BytesIO(pdf), filename, "application/pdf")


@require_safe
@login_required
def dossier(request, code):
    """The dossier ZIP (PDF and original files) for Center staff, admins and auditors who may
    read the case; each file it contains is logged as accessed."""
    application = get_application_for_user(request.user, code)
    if not documents.may_download_dossier(request.user, application):
        raise Http404
    # FileResponse closes the file once sent, so no context manager here.
    archive = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
    attachments = documents.write_dossier_zip(application, archive)
    for attachment in attachments:
        services.record_file_access(actor=request.user, attachment=attachment)
    archive.seek(0)
    filename = f"{application.number}-{DocumentKind.DOSSIER.label}.zip"
    return _download(archive, filename, "application/zip")
