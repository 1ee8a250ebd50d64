"""Demo events for `seed_demo`: three upcoming events with registrations (one full, with a
waiting list) and one past seminar with attendance, feedback and a certificate."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from . import services
from .builders import build_event, build_registration, move_event
from .models import Event

UPCOMING: list[dict[str, Any]] = [
    {
        "kind": "training",
        "title": "美国337调查应对实务培训",
        "description": (
            "讲解ITC 337调查程序、应诉时间表、律师选任与费用控制，并结合京津冀企业案例分析。"
        ),
        "capacity": 30,
        "venue": "北京市知识产权保护中心三层报告厅",
        "days": 6,
    },
    {
        "kind": "webinar",
        "title": "跨境电商“Schedule A”案件应对直播课",
        "description": "亚马逊店铺被冻结怎么办？讲解TRO、资产冻结、和解谈判与应诉选择。",
        "capacity": 2,
        "venue": "",
        "online_url": "https://meeting.example.cn/j/20260318",
        "audience": "jjj",
        "days": 10,
    },
    {
        "kind": "clinic",
        "title": "海外商标布局一对一诊所（朝阳专场）",
        "description": "专家逐一为企业梳理目标市场商标注册情况，提出布局建议。",
        "capacity": 6,
        "venue": "朝阳区知识产权服务站",
        "audience": "district",
        "division_code": "110105",
        "days": 14,
    },
]


def upcoming_events(people: dict) -> list[Event]:
    """The demo's upcoming events, published the first time (by the demo Center staff)."""
    events = []
    for spec in UPCOMING:
        spec = dict(spec)
        days = spec.pop("days")
        event = Event.objects.filter(title=spec["title"]).first()
        if event is None:
            start = (timezone.localtime() + timedelta(days=days)).replace(
                hour=14, minute=0, second=0, microsecond=0
            )
            event = build_event(
                actor=people["staff"],
                starts_at=start,
                ends_at=start + timedelta(hours=3),
                speakers=[people["expert"]],
                **spec,
            )
        events.append(event)
    return events


def build_demo(people: dict) -> int:
    """Create the demo events and registrations unless they exist; how many objects created."""
    if Event.objects.filter(title="欧盟知识产权保护研讨会").exists():
        return 0
    training, webinar, clinic = upcoming_events(people)
    build_registration(actor=people["chaoyang"], event=training)
    build_registration(actor=people["hebei"], event=training)
    build_registration(actor=people["chaoyang"], event=webinar)
    build_registration(actor=people["haidian"], event=webinar)
    build_registration(actor=people["tianjin"], event=webinar)  # full: waiting list
    build_registration(actor=people["chaoyang"], event=clinic)
    past = build_event(
        actor=people["staff"],
        kind="seminar",
        title="欧盟知识产权保护研讨会",
        description="欧盟商标异议、外观设计保护与海关扣押实务。",
        speakers=[people["expert"]],
    )
    attended = build_registration(actor=people["chaoyang"], event=past)
    absent = build_registration(actor=people["haidian"], event=past)
    move_event(past, timezone.now() - timedelta(days=40))
    services.record_attendance(actor=people["staff"], registration=attended, attended=True)
    services.record_attendance(actor=people["staff"], registration=absent, attended=False)
    services.give_feedback(
        actor=people["chaoyang"], registration=attended, rating=5, comment="案例讲解很实用。"
    )
    return 4 + 8
