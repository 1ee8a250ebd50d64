"""Builders of guidance applications for tests and demo data (through the services)."""

from __future__ import annotations

from collections.abc import Callable
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


def build_case_in_state(state: str, *, personas: dict, **overrides) -> Application:
    """An application of the "chaoyang" persona's enterprise brought to `state` through the
    services: "staff" decides and is the case officer, "expert" is assigned in guidance."""
    enterprise, staff = personas["chaoyang"], personas["staff"]
    if state == "draft":
        return build_application(actor=enterprise, submit=False, **overrides)
    application = build_application(actor=enterprise, **overrides)
    for step in _STEPS_TO[state]:
        application = step(application, enterprise=enterprise, staff=staff, personas=personas)
    application.refresh_from_db()
    return application


def _accept(app, *, staff, **_):
    return services.accept_application(actor=staff, application=app)


def _assign(app, *, staff, personas, **_):
    services.assign_expert(actor=staff, application=app, expert=personas["expert"], role="lead")
    return app


def _conclude(app, *, staff, **_):
    return services.conclude_application(actor=staff, application=app, outcome="settled")


def _close(app, *, staff, **_):
    return services.close_application(actor=staff, application=app)


def _decline(app, *, staff, **_):
    return services.decline_application(actor=staff, application=app, reason="不属于受理范围")


def _request_info(app, *, staff, **_):
    return services.request_more_information(actor=staff, application=app, request="请补充起诉状")


def _withdraw(app, *, enterprise, **_):
    return services.withdraw_application(actor=enterprise, application=app, reason="已和解")


_STEPS_TO: dict[str, list[Callable[..., Application]]] = {
    "submitted": [],
    "info_requested": [_request_info],
    "accepted": [_accept],
    "in_guidance": [_accept, _assign],
    "declined": [_decline],
    "concluded": [_accept, _assign, _conclude],
    "closed": [_accept, _assign, _conclude, _close],
    "withdrawn": [_withdraw],
}
