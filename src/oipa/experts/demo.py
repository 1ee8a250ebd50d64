"""Demo expert pool for `seed_demo`: twelve experts of every category, the persona `expert`
with a profile, a declared conflict, an expert abroad, and an invitation pending on a case."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from oipa.accounts.builders import build_organization
from oipa.accounts.models import OrgKind
from oipa.assistance import services as assistance
from oipa.assistance.builders import build_application

from . import services
from .builders import build_expert, patent_expert_fields
from .models import ExpertProfile

# email local part, name, category, employer, title, expertise
DEMO_EXPERTS: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    (
        "zhangwei",
        "张伟",
        "national_expert",
        "中国国际贸易促进委员会专利商标事务所",
        "国家海外知识产权纠纷应对指导专家",
        {
            "ip_types": ["patent"],
            "dispute_types": ["itc_337", "litigation"],
            "jurisdictions": ["US", "EP"],
            "ipc_entries": ["H04", "G06F"],
            "languages": ["zh", "en"],
            "years_of_experience": 22,
            "max_concurrent_cases": 4,
        },
    ),
    (
        "liuyang",
        "刘洋",
        "foreign_lawyer",
        "北京金诚同达律师事务所",
        "合伙人、美国纽约州律师",
        {
            "ip_types": ["trademark", "copyright"],
            "dispute_types": ["litigation", "platform_complaint"],
            "jurisdictions": ["US"],
            "nice_classes": [9, 25, 35],
            "languages": ["zh", "en"],
            "industries": ["F", "I"],
            "years_of_experience": 14,
            "max_concurrent_cases": 5,
        },
    ),
    (
        "chenjing",
        "陈静",
        "ip_attorney",
        "北京集佳知识产权代理有限公司",
        "欧洲专利代理人",
        {
            "ip_types": ["patent"],
            "dispute_types": ["opposition_invalidation", "litigation"],
            "jurisdictions": ["DE", "EP"],
            "ipc_entries": ["H01M", "B60L"],
            "languages": ["zh", "de", "en"],
            "industries": ["C"],
            "years_of_experience": 11,
            "max_concurrent_cases": 3,
        },
    ),
    (
        "wanglei",
        "王磊",
        "technical_expert",
        "清华大学电子工程系",
        "教授、无线通信技术专家",
        {
            "ip_types": ["patent"],
            "dispute_types": ["itc_337", "litigation"],
            "jurisdictions": ["US"],
            "ipc_entries": ["H04W", "H04L", "G06N"],
            "languages": ["zh", "en"],
            "industries": ["I"],
            "years_of_experience": 18,
            "max_concurrent_cases": 2,
        },
    ),
    (
        "lina",
        "李娜",
        "volunteer",
        "中国政法大学知识产权研究中心",
        "副教授（志愿者）",
        {
            "ip_types": ["trademark"],
            "dispute_types": ["platform_complaint", "warning_letter"],
            "jurisdictions": ["US", "GB"],
            "nice_classes": [25, 35],
            "languages": ["zh", "en"],
            "industries": ["F"],
            "years_of_experience": 8,
            "max_concurrent_cases": 2,
        },
    ),
    (
        "zhaomin",
        "赵敏",
        "foreign_lawyer",
        "北京市中伦律师事务所",
        "日本商标与不正竞争业务负责人",
        {
            "ip_types": ["trademark", "design"],
            "dispute_types": ["litigation", "opposition_invalidation"],
            "jurisdictions": ["JP", "KR"],
            "nice_classes": [3, 9, 30],
            "languages": ["zh", "ja", "ko"],
            "years_of_experience": 12,
            "max_concurrent_cases": 3,
        },
    ),
    (
        "sunhao",
        "孙浩",
        "technical_expert",
        "中国医学科学院药物研究所",
        "研究员、药物化学专家",
        {
            "ip_types": ["patent"],
            "dispute_types": ["litigation", "opposition_invalidation"],
            "jurisdictions": ["EP", "US"],
            "ipc_entries": ["A61K", "C07D"],
            "languages": ["zh", "en"],
            "industries": ["C"],
            "years_of_experience": 20,
            "max_concurrent_cases": 2,
        },
    ),
    (
        "zhouting",
        "周婷",
        "ip_attorney",
        "北京万慧达知识产权代理有限公司",
        "商标代理人",
        {
            "ip_types": ["trademark", "geographical_indication"],
            "dispute_types": ["opposition_invalidation", "customs_seizure"],
            "jurisdictions": ["EU", "FR"],
            "nice_classes": [3, 5, 33],
            "languages": ["zh", "fr", "en"],
            "years_of_experience": 9,
            "max_concurrent_cases": 4,
        },
    ),
    (
        "zhengli",
        "郑丽",
        "national_expert",
        "北京知识产权法院（退休）",
        "原审判长",
        {
            "ip_types": ["patent", "trade_secret"],
            "dispute_types": ["litigation", "arbitration"],
            "jurisdictions": ["US", "SG"],
            "ipc_entries": ["G06F", "H04L"],
            "languages": ["zh", "en"],
            "years_of_experience": 30,
            "max_concurrent_cases": 2,
        },
    ),
    (
        "fengtao",
        "冯涛",
        "ip_attorney",
        "北京路盛知识产权代理有限公司",
        "专利代理师",
        {
            "ip_types": ["patent", "utility_model"],
            "dispute_types": ["litigation", "itc_337"],
            "jurisdictions": ["US", "DE"],
            "ipc_entries": ["H04W", "H04R"],
            "languages": ["zh", "en"],
            "industries": ["C", "I"],
            "years_of_experience": 10,
            "max_concurrent_cases": 3,
        },
    ),
    (
        "huangjun",
        "黄军",
        "volunteer",
        "北京市知识产权服务业协会",
        "涉外维权志愿者",
        {
            "ip_types": ["trademark", "copyright"],
            "dispute_types": ["platform_complaint"],
            "jurisdictions": ["US", "DE", "GB"],
            "nice_classes": [9, 20, 28],
            "languages": ["zh", "en"],
            "industries": ["F"],
            "years_of_experience": 5,
            "max_concurrent_cases": 3,
        },
    ),
]


def _partner_expert(people: dict, staff) -> ExpertProfile:
    partner_center = people["partner"].membership.organization
    return build_expert(
        actor=staff,
        email="wugang@experts.demo.oipa.cn",
        full_name="吴刚",
        category="partner_expert",
        organization=partner_center,
        employer="天津市知识产权保护中心",
        title="京津冀联合指导专家、海关知识产权保护顾问",
        ip_types=["patent", "trademark"],
        dispute_types=["customs_seizure", "litigation"],
        jurisdictions=["DE", "NL", "US"],
        ipc_entries=["B60L", "H01M"],
        languages=["zh", "en", "de"],
        industries=["C"],
        years_of_experience=15,
        max_concurrent_cases=2,
    )


def build_demo(people: dict) -> int:
    """Create the demo pool unless the persona `expert` already has a profile."""
    staff = people["staff"]
    if ExpertProfile.objects.filter(user=people["expert"]).exists():
        return 0
    today = timezone.localdate()
    persona = services.create_expert_profile(
        actor=staff,
        user=people["expert"],
        category="ip_attorney",
        employer="北京华夏涉外知识产权代理有限公司",
        title="专利代理师、美国专利诉讼顾问",
        bio="长期代理中国企业在美国的专利侵权诉讼与ITC 337调查应诉。",
        **patent_expert_fields(nice_classes=[9], industries=["I"]),
    )
    services.declare_conflict(
        actor=people["expert"], profile=persona, kind="client", name="深圳声悦电子有限公司"
    )
    home = build_organization(
        kind=OrgKind.SERVICE_INSTITUTION, name="北京华夏涉外知识产权代理有限公司"
    )
    created = [persona, _partner_expert(people, staff)]
    for local, name, category, employer, title, fields in DEMO_EXPERTS:
        created.append(
            build_expert(
                actor=staff,
                email=f"{local}@experts.demo.oipa.cn",
                full_name=name,
                category=category,
                organization=home,
                employer=employer,
                title=title,
                **fields,
            )
        )
    zhengli = next(p for p in created if p.user.full_name == "郑丽")
    services.add_unavailability(
        actor=staff,
        profile=zhengli,
        starts_on=today - timedelta(days=5),
        ends_on=today + timedelta(days=40),
        note="赴美国讲学",
    )
    fengtao = next(p for p in created if p.user.full_name == "冯涛")
    services.declare_conflict(actor=staff, profile=fengtao, kind="related", name="Xiaomi Inc.")
    return len(created) + _pending_invitation(people, staff, persona)


def _pending_invitation(people: dict, staff, persona: ExpertProfile) -> int:
    """An accepted ITC 337 case of the Haidian enterprise with an invitation pending."""
    case = build_application(
        actor=people["haidian"],
        title="美国ITC 337调查：蓝牙耳机无线通信专利",
        dispute_type="itc_337",
        ip_types=["patent"],
        ipc_codes=["H04W 4/80", "H04R"],
        nice_classes=[9],
        forum="US ITC",
        case_numbers="337-TA-1450",
        parties=[
            {"kind": "counterparty", "name": "Sonora Wireless Inc.", "country": "US"},
            {"kind": "co_party", "name": "小米科技有限责任公司", "country": "CN"},
        ],
    )
    case = assistance.accept_application(actor=staff, application=case)
    services.invite_expert(
        actor=staff,
        application=case,
        profile=persona,
        role="lead",
        score=84.0,
        reason="H04W; US; English",
    )
    return 2
