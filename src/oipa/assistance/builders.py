"""Builders of guidance applications for tests and demo data (through the services)."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from oipa.core.taxonomy.models import Jurisdiction

from . import services
from .models import Application

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]"
    b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf_upload(name: str = "complaint.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, MINIMAL_PDF, content_type="application/pdf")


def draft_fields(**overrides):
    """A complete US patent litigation application, as an enterprise would fill it in."""
    fields = {
        "title": "美国伊利诺伊北区法院专利侵权诉讼应诉",
        "ip_types": ["patent"],
        "dispute_type": "litigation",
        "forum": "US – N.D. Illinois",
        "our_role": "defendant",
        "case_numbers": "1:26-cv-01234",
        "served_on": timezone.localdate() - timedelta(days=3),
        "response_deadline": timezone.localdate() + timedelta(days=18),
        "ipc_codes": ["H04W"],
        "products": "无线耳机",
        "description": "原告指控我司无线耳机侵犯其美国专利，亚马逊店铺资金已被冻结。",
        "help_wanted": "应诉策略与律师推荐",
        "consent_data_use": True,
        "jurisdictions": list(Jurisdiction.objects.filter(code="US")),
        "parties": [{"kind": "counterparty", "name": "Acme Audio LLC", "country": "US"}],
    }
    fields.update(overrides)
    return fields


def build_application(*, actor, submit: bool = True, **overrides) -> Application:
    """A complete application by `actor`'s enterprise, submitted unless `submit=False`."""
    application = services.create_draft(actor=actor, **draft_fields(**overrides))
    if submit:
        application = services.submit_application(actor=actor, application=application)
    return application
