"""Demo directory for `seed_demo`: Beijing foreign-related IP service institutions, the 2025
quality directory, mediation/arbitration bodies, and one change waiting for review.

Names are invented except the arbitration and mediation bodies, which are real public bodies
whose published rules are linked. Everything is built through the services.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from oipa.accounts.builders import make_uscc

from . import services
from .builders import build_institution, build_mediation_body
from .listing import InstitutionDetails
from .models import Institution, QualityDirectory

# name_zh, name_en, kind, division + org code (USCC prefix), countries, services, languages,
# partners, description, phone, address
INSTITUTIONS = [
    (
        "北京金诚涉外知识产权律师事务所",
        "Jincheng Foreign-related IP Law Firm",
        "law_firm",
        ("110105", "MA0JC0001", "31"),
        ("US", "DE", "EU"),
        ("litigation", "itc_337", "opposition"),
        ("zh", "en", "de"),
        (("Fish & Richardson P.C.", "US"),),
        "专注美国337调查与欧洲商标异议，代理跨境电商卖家应对“Schedule A”诉讼。",
        "010-6500 1234",
        "北京市朝阳区建国门外大街1号",
    ),
    (
        "北京中关村国际专利代理有限公司",
        "Zhongguancun International Patent Agency",
        "patent_agency",
        ("110108", "MA0GC0002", "91"),
        ("US", "EP", "JP", "KR", "WO"),
        ("filing", "fto", "licensing"),
        ("zh", "en", "ja", "ko"),
        (("Kim & Chang", "KR"), ("Nakamura & Partners", "JP")),
        "PCT国际申请及美欧日韩专利布局；出海前自由实施（FTO）分析与专利许可谈判。",
        "010-8261 5500",
        "北京市海淀区中关村大街27号",
    ),
    (
        "北京丝路商标代理有限公司",
        "Silk Road Trademark Agency (Beijing)",
        "trademark_agency",
        ("110102", "MA0LK0003", "91"),
        ("VN", "TH", "ID", "SA", "TR", "RU"),
        ("filing", "opposition", "risk_warning"),
        ("zh", "en", "ru", "ar", "vi"),
        (("Baker Trademark Services", "TR"),),
        "“一带一路”国家商标注册与抢注监测，东南亚、中东商标异议与撤销。",
        "010-6601 8800",
        "北京市西城区金融大街7号",
    ),
    (
        "北京华欧知识产权律师事务所",
        "Huaou IP Law Firm",
        "law_firm",
        ("110101", "MA0HE0004", "31"),
        ("DE", "EU", "GB", "FR"),
        ("litigation", "customs", "trade_secret"),
        ("zh", "en", "de", "fr"),
        (("Hoffmann Eitle", "DE"), ("Marks & Clerk", "GB")),
        "德国、统一专利法院（UPC）专利诉讼及展会临时禁令应对，欧盟海关备案。",
        "010-8511 2200",
        "北京市东城区东长安街1号东方广场",
    ),
    (
        "北京跨境合规知识产权咨询有限公司",
        "Cross-border Compliance IP Consulting (Beijing)",
        "consultancy",
        ("110105", "MA0KJ0005", "91"),
        ("US", "GB", "EU", "JP"),
        ("platform", "compliance", "risk_warning"),
        ("zh", "en", "ja"),
        (),
        "亚马逊、eBay等平台投诉与申诉、店铺解冻；企业知识产权合规体系建设与培训。",
        "010-5869 3300",
        "北京市朝阳区望京街9号",
    ),
    (
        "北京亦庄新能源知识产权服务中心",
        "Yizhuang New Energy IP Service Center",
        "consultancy",
        ("110115", "MA0YX0006", "91"),
        ("US", "DE", "BR", "IN", "MX"),
        ("fto", "risk_warning", "filing"),
        ("zh", "en", "pt", "es"),
        (("Dannemann Siemsen", "BR"),),
        "新能源汽车与电池领域专利预警、海外布局和标准必要专利（SEP）应对。",
        "010-6788 4400",
        "北京市大兴区亦庄经济技术开发区荣华中路10号",
    ),
    (
        "北京京华涉外律师事务所",
        "Jinghua Foreign-related Law Firm",
        "law_firm",
        ("110102", "MA0JH0007", "31"),
        ("US", "IN", "SA", "MX"),
        ("litigation", "itc_337", "licensing"),
        ("zh", "en", "ar", "es"),
        (("Anand and Anand", "IN"),),
        "美国联邦法院专利与商标诉讼、印度德里高等法院禁令案件，中东许可争议。",
        "010-6609 7700",
        "北京市西城区复兴门内大街158号",
    ),
]

BODIES = [
    dict(
        name_zh="中国国际经济贸易仲裁委员会",
        name_en="China International Economic and Trade Arbitration Commission (CIETAC)",
        kind="both",
        dispute_types=("arbitration",),
        jurisdictions=("US", "DE", "JP", "KR", "GB"),
        rules_url="https://www.cietac.org/",
        website="https://www.cietac.org",
        phone="010-8221 7788",
        address="北京市西城区桦皮厂胡同2号国际商会大厦6层",
        description="受理涉外知识产权许可、技术转让、合作开发等合同争议的仲裁，可先行调解。",
    ),
    dict(),  # the builder's default: 北京仲裁委员会 / Beijing Arbitration Commission
    dict(
        name_zh="世界知识产权组织仲裁与调解中心",
        name_en="WIPO Arbitration and Mediation Center",
        kind="both",
        dispute_types=("arbitration", "litigation", "platform_complaint"),
        jurisdictions=("WO", "US", "EU", "DE", "JP"),
        rules_url="https://www.wipo.int/amc/en/mediation/rules/",
        website="https://www.wipo.int/amc/en/",
        phone="+41 22 338 8247",
        address="34, chemin des Colombettes, 1211 Geneva 20, Switzerland",
        description="专门处理知识产权与技术争议的调解、仲裁和专家裁决，也受理域名争议。",
    ),
]


def build_demo(people: dict) -> int:
    """Create the demo directory unless it exists; returns how many objects were created."""
    staff = people["staff"]
    if Institution.objects.exists():
        return 0
    created = 0
    listings = []
    for row in INSTITUTIONS:
        name_zh, name_en, kind, (division, org, prefix), countries = row[:5]
        services_, languages, partners, description, phone, address = row[5:]
        listings.append(
            build_institution(
                actor=staff,
                name_zh=name_zh,
                name_en=name_en,
                kind=kind,
                uscc=make_uscc(division, org, prefix=prefix),
                countries=countries,
                services=services_,
                languages=languages,
                partners=partners,
                description=description,
                phone=phone,
                address=address,
                email="",
                website="",
                contact_person="",
            )
        )
        created += 1
    organization = people["institution"].organization
    own = build_institution(
        actor=staff,
        organization=organization,
        name_zh=organization.name,
        name_en=organization.name_en,
        kind="patent_agency",
        uscc=organization.uscc,
        countries=("US", "EU", "JP", "KR"),
        services=("filing", "opposition", "risk_warning"),
        languages=("zh", "en", "ja", "ko"),
        partners=(("Abe, Ikubo & Katayama", "JP"),),
        description="涉外专利商标代理，海外商标抢注监测与异议，日韩专利申请。",
        phone="010-6522 6600",
        address="北京市东城区王府井大街138号",
        email="",
        website="",
        contact_person="冯先生",
    )
    created += 1
    for institution in listings[:4] + [own]:
        services.add_to_quality_directory(actor=staff, institution=institution, year=2025)
    services.publish_quality_directory(
        actor=staff, year=2025, published_on=datetime.date(2025, 6, 30)
    )
    services.add_to_quality_directory(actor=staff, institution=listings[4], year=2026)
    created += QualityDirectory.objects.count()
    for values in BODIES:
        build_mediation_body(actor=staff, **values)
        created += 1
    services.propose_institution_change(
        actor=people["institution"],
        institution=own,
        details=replace(
            InstitutionDetails.of(own),
            countries=("US", "EU", "JP", "KR", "VN"),
            phone="010-6522 6601",
        ),
    )
    return created + 1
