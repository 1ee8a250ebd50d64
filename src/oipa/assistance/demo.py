"""Demo cases for `seed_demo`: a few applications in different states, built through services."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from . import services
from .builders import build_application, pdf_upload
from .models import Application


def build_demo_cases(people: dict) -> int:
    """Create the demo cases unless the Chaoyang enterprise already has applications."""
    enterprise, haidian = people["chaoyang"], people["haidian"]
    staff, expert = people["staff"], people["expert"]
    if Application.objects.filter(applicant=enterprise.organization).exists():
        return 0
    today = timezone.localdate()
    build_application(actor=enterprise)  # waiting for the Center's decision
    guided = build_application(
        actor=enterprise,
        title="亚马逊“Schedule A”案店铺冻结",
        dispute_type="litigation",
        ip_types=["trademark"],
        nice_classes=[9],
        ipc_codes=[],
        forum="US – N.D. Illinois",
        response_deadline=today + timedelta(days=4),
    )
    services.accept_application(actor=staff, application=guided)
    services.assign_expert(actor=staff, application=guided, expert=expert, role="lead")
    services.record_consultation(
        actor=expert,
        application=guided,
        held_on=today,
        summary="分析TRO及资产冻结，建议尽快与原告律师沟通和解。",
        attendees="钱专家、陈朝阳",
    )
    concluded = build_application(
        actor=haidian,
        title="欧盟商标异议",
        dispute_type="opposition_invalidation",
        ip_types=["trademark"],
        ipc_codes=[],
        nice_classes=[5],
        forum="EUIPO",
        our_role="opponent",
        response_deadline=today + timedelta(days=60),
        served_on=None,
    )
    services.accept_application(actor=staff, application=concluded)
    services.assign_expert(actor=staff, application=concluded, expert=expert, role="lead")
    services.upload_guidance_opinion(
        actor=expert,
        application=concluded,
        upload=pdf_upload("异议策略意见.pdf"),
        summary="建议以在先权利和恶意注册为由提出异议。",
    )
    services.conclude_application(actor=staff, application=concluded, outcome="settled")
    services.create_draft(
        actor=enterprise,
        title="德国展会警告函（草稿）",
        dispute_type="warning_letter",
        ip_types=["design"],
    )
    return 4
