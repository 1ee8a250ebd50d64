"""Formal documents of a guidance case, generated as PDF in Chinese, and the case dossier.

`documents_for(user, application)` says which the user may download; `render_document` and
`render_dossier` produce them; `write_dossier_zip` bundles the dossier with the case's files.
Documents are always issued in Chinese, whatever language the reader's interface uses.
"""

from __future__ import annotations

from typing import BinaryIO

from django.utils import translation

from ..access import can_read_content
from ..models import Application
from . import dossier
from .content import build_document
from .history import DocumentKind, issued_kinds, latest_issuance
from .pdf import build_pdf, document_flowables

DOCUMENT_LANGUAGE = "zh-hans"

__all__ = [
    "DocumentKind",
    "documents_for",
    "may_download_dossier",
    "render_document",
    "render_dossier",
    "write_dossier_zip",
]


def may_download_dossier(user, application: Application) -> bool:
    """Center staff, admins and auditors who may read the case's content."""
    membership = user.membership
    return (
        membership is not None
        and membership.is_center
        and application.submitted_at is not None
        and can_read_content(user, application)
    )


def documents_for(user, application: Application) -> list[str]:
    """The document kinds `user` may download for this case: the formal documents the case
    has issued, for anyone who may read its content; the dossier for the Center."""
    if not can_read_content(user, application):
        return []
    kinds = issued_kinds(application)
    if may_download_dossier(user, application):
        kinds.append(DocumentKind.DOSSIER)
    return kinds


def render_document(application: Application, kind: str) -> bytes:
    """The PDF of the latest document of `kind` issued on the case (the dossier for
    "dossier"); LookupError when the case never issued one."""
    if kind == DocumentKind.DOSSIER:
        return render_dossier(application)
    issuance = latest_issuance(application, kind)
    if issuance is None:
        raise LookupError(kind)
    with translation.override(DOCUMENT_LANGUAGE):
        document = build_document(application, issuance)
        return build_pdf(
            document_flowables(document),
            title=document.title,
            subject=application.number,
            keywords=f"oipa {kind} {application.code}",
        )


def render_dossier(application: Application) -> bytes:
    """The dossier PDF: cover, every issued document, messages, timeline, files."""
    with translation.override(DOCUMENT_LANGUAGE):
        return dossier.render_dossier(application)


def write_dossier_zip(application: Application, target: BinaryIO) -> list:
    """The dossier ZIP (PDF, original files, SHA256SUMS) written to `target`; returns the
    attachments it contains."""
    with translation.override(DOCUMENT_LANGUAGE):
        return dossier.write_dossier_zip(application, target)
