"""Demo data of dispute monitoring for `seed_demo`, built through the services.

A staff spreadsheet feed and a 337Info export are imported and matched at once: a Schedule A
case naming the Chaoyang and Tianjin enterprises (a co-defendant group across Beijing and
Tianjin), a customs seizure naming the Chaoyang enterprise, a platform complaint whose party is
only similar to the Tianjin enterprise (the review queue), a patent case naming a watched
enterprise by a translation of its Chinese name, and an ITC investigation naming the Hebei
enterprise, for which an incident is opened. Running it again creates nothing new.
"""

from __future__ import annotations

import json
from datetime import timedelta

from django.utils import timezone

from . import incidents, matching_service, services, services_alerts
from .builders import build_default_sources
from .models import Dispute, EnterpriseAlias, Incident, WatchedEnterprise

INCIDENT_TITLE = "美国ITC 337调查：河北小家电企业被诉"
FEED_HEADER = (
    "reference,dispute_type,title,forum,jurisdiction,case_number,nature_of_suit,filed_on,"
    "plaintiffs,defendants,schedule_a,url,channel"
)
# The second enterprise gave no English name: a docket that translates its name ("Spark
# Lighting" for 星火照明) is matched by the "translated" rule.
WATCH_LIST = (
    "name,name_en,province_code,note,brands,stores\n"
    "北京云帆智造科技有限公司,Beijing Yunfan Zhizao Technology Co. Ltd.,11,海淀区局推荐,"
    "YUNFAN,Yunfan Official Store\n"
    "北京星火照明科技有限公司,,11,朝阳区局推荐,,\n"
)


def _feed(today) -> bytes:
    def day(offset: int) -> str:
        return (today - timedelta(days=offset)).isoformat()

    rows = [
        f"demo-sa-2026-001,litigation,Acme Audio LLC v. The Partnerships and Unincorporated "
        f"Associations Identified on Schedule A,U.S. District Court N.D. Illinois,US,"
        f"1:26-cv-09001,840 Trademark,{day(3)},Acme Audio LLC,"
        f'"XingheTech Store; Haigang New Material Co., Ltd.; The Partnerships and '
        f'Unincorporated Associations Identified on Schedule A",yes,'
        f"https://www.courtlistener.com/docket/demo-9001/,platform",
        f"demo-cbp-2026-002,customs_seizure,洛杉矶海关扣留蓝牙耳机,U.S. CBP Los Angeles,US,"
        f"CBP-2026-2704-000123,840 Trademark,{day(6)},Acme Audio LLC,Xinghe Zhilan Tech Co,no,,"
        f"customs",
        f"demo-amz-2026-003,platform_complaint,亚马逊平台侵权投诉（外观专利）,Amazon.com,US,"
        f'AMZ-IPC-88231,,{day(2)},Bright Home Inc.,"Haigong New Materials Co., Ltd.",no,,'
        f"platform",
        f"demo-edtx-2026-004,litigation,Lumen Holdings LLC v. Spark Lighting Technology "
        f"(Beijing) Co. Ltd.,U.S. District Court E.D. Texas,US,2:26-cv-00412,830 Patent,"
        f'{day(1)},Lumen Holdings LLC,"SPARK LIGHTING TECHNOLOGY (BEIJING) CO., LTD.",no,'
        f"https://www.courtlistener.com/docket/demo-412/,other",
    ]
    return (FEED_HEADER + "\n" + "\n".join(rows) + "\n").encode()


def _itc_export(today) -> bytes:
    record = {
        "id": "demo-4901",
        "investigationNo": "337-TA-4901",
        "investigationType": "Violation",
        "title": "Certain Portable Electric Heaters and Components Thereof",
        "currentStatus": "Active",
        "dateComplaintFiled": (today - timedelta(days=35)).isoformat(),
        "dateOfPublicationFrNotice": (today - timedelta(days=5)).isoformat(),
        "complainant": [
            {"outsideParty": {"partyName": "Warmth Corp.", "country": "United States"}}
        ],
        "respondent": [
            {
                "outsideParty": {
                    "partyName": "Hebei Yanzhao Electric Appliance Co., Ltd.",
                    "city": "Shijiazhuang",
                    "country": "China",
                }
            },
            {"outsideParty": {"partyName": "Heatwave Trading Ltd.", "country": "Hong Kong"}},
        ],
        "invUnfairAct": [{"unfairActInNotice": "Patent Infringement"}],
        "patentNumbers": [{"patentNumber": "10,987,654"}],
    }
    return json.dumps([record], ensure_ascii=False).encode()


def _aliases(people: dict) -> int:
    chaoyang = people["chaoyang"].organization
    created = 0
    for kind, name in (("store", "XingheTech Store"), ("brand", "XINGHE")):
        if not EnterpriseAlias.objects.filter(organization=chaoyang, kind=kind, name=name).exists():
            services.add_alias(
                actor=people["chaoyang"], organization=chaoyang, name=name, kind=kind
            )
            created += 1
    return created


def _import(people: dict, source, data: bytes, first_key: str) -> int:
    """Import and match at once (the scheduled path does it after commit); new disputes. A
    source that already holds the demo's first dispute is left alone."""
    if Dispute.objects.filter(source=source, external_id=first_key).exists():
        return 0
    run = services.import_source(actor=people["staff"], source=source, file=data)
    matching_service.match_run(run)
    services_alerts.create_alerts_for_run(run.pk)
    return run.new


def _incident(people: dict) -> int:
    if Incident.objects.filter(title=INCIDENT_TITLE).exists():
        return 0
    dispute = Dispute.objects.filter(external_id="337-TA-4901").first()
    incidents.open_incident(
        actor=people["staff"],
        title=INCIDENT_TITLE,
        description="多家京津冀小家电企业被列为337调查被申请人，需组织应诉协调与行业协会沟通。",
        enterprises=[people["hebei"].organization],
        disputes=[dispute] if dispute else [],
    )
    return 1


def build_demo(people: dict) -> int:
    """Monitoring demo data (see the module text); how many objects were created."""
    sources = build_default_sources()
    today = timezone.localdate()
    created = _aliases(people)
    if not WatchedEnterprise.objects.filter(name="北京云帆智造科技有限公司").exists():
        created += services.load_watch_list(actor=people["staff"], file=WATCH_LIST.encode()).created
    created += _import(people, sources["staff-upload"], _feed(today), "demo-sa-2026-001")
    created += _import(people, sources["itc-337"], _itc_export(today), "337-TA-4901")
    return created + _incident(people)
