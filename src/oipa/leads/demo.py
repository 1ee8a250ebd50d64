"""Demo leads for `seed_demo`: the Chaoyang district office's leads in every state, reported
over the last weeks so the monthly table shows days to first contact."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from oipa.accounts.builders import make_uscc
from oipa.training.demo import upcoming_events

from . import services
from .builders import build_lead
from .models import Lead


def build_demo(people: dict) -> int:
    """Create the demo leads unless the Chaoyang office has some; how many were created."""
    district, staff = people["district"], people["staff"]
    if Lead.objects.filter(district_office=district.organization).exists():
        return 0
    registered = people["chaoyang"].organization.uscc
    waiting = build_lead(actor=district)  # an unregistered enterprise, not yet handled
    contacted = build_lead(
        actor=district,
        enterprise_name="",
        uscc=registered,
        need_type="risk_check",
        urgency="normal",
        source="hotline",
        description="企业计划进入德国和法国市场，希望在参展前做商标和外观设计风险排查。",
        contact_email="",
    )
    training = build_lead(
        actor=district,
        enterprise_name="北京朝阳文创科技有限公司",
        uscc=make_uscc("110105", "MA0WCKJ22"),
        need_type="training",
        urgency="low",
        source="event",
        description="在区知识产权宣传周上咨询，希望参加337调查相关培训。",
        contact_name="李女士",
        contact_email="li@wenchuang.example.cn",
    )
    guidance = build_lead(
        actor=district,
        enterprise_name="",
        uscc=registered,
        need_type="dispute_guidance",
        urgency="urgent",
        source="visit",
        description="企业收到美国律师函，称其智能音箱侵犯商标权，要求30日内下架并赔偿。",
        contact_email="",
    )
    closed = build_lead(
        actor=district,
        enterprise_name="北京望京精密机械有限公司",
        uscc=make_uscc("110105", "MA0WJJM33"),
        need_type="funding",
        urgency="normal",
        source="hotline",
        description="询问海外维权费用资助政策。",
        contact_email="",
    )
    now = timezone.now()
    for lead, days in ((waiting, 2), (contacted, 12), (training, 9), (guidance, 5), (closed, 20)):
        Lead.objects.filter(pk=lead.pk).update(reported_at=now - timedelta(days=days))
    services.record_first_contact(actor=staff, lead=contacted, note="已电话联系企业法务。")
    services.convert_lead(
        actor=staff,
        lead=training,
        conversion="training",
        event=upcoming_events(people)[0],
        note="已邀请参加下周的337调查实务培训。",
    )
    services.convert_lead(
        actor=staff, lead=guidance, conversion="guidance", note="情况紧急，已邀请企业提交指导申请。"
    )
    services.close_lead(actor=staff, lead=closed, note="企业尚无海外纠纷，已告知资助政策要点。")
    return 5
