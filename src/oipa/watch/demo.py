"""Demo data of the squatting watch for `seed_demo`, built through the services.

Each demo enterprise watches its marks; the Center's watch list adds an unregistered one. A
USPTO daily file is imported and matched: "XINGHE-TECH" squats the Chaoyang enterprise's 星河智联
XINGHE in class 9 (a warning with a live opposition deadline), and the same Shenzhen owner filed
marks resembling three other watched brands (a serial squatter with a portfolio page). Generic
marks ("SMART TECH") and unrelated ones do not fire. Running it again creates nothing new.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from . import services
from .builders import CaseFile, build_watched_mark, gazette_xml
from .models import ImportRun, WatchedMark

DEMO_FILE = "apc-demo.xml"
SQUATTER = "Shenzhen Lucky Star Trading Co., Ltd."
MARKS = {
    "chaoyang": ("星河智联 XINGHE", ["Xinghe Smart Link"], [9, 38, 42]),
    "haidian": ("清源 QINGYUAN", ["Qingyuan Biopharma"], [5, 3]),
    "tianjin": ("海港新材", ["Haigang"], [1, 17]),
    "hebei": ("燕赵 YANZHAO", [], [7, 11]),
}
WATCH_LIST = (
    "enterprise,uscc,mark,english_forms,nice_classes,jurisdictions\n"
    "北京云帆智造科技有限公司,,云帆 YUNFAN,Yunfan Zhizao,9;42,US EU GB\n"
)


def _gazette(today) -> bytes:
    published = today - timedelta(days=6)
    filed = today - timedelta(days=200)

    def case(serial, mark, classes, owner=SQUATTER, **extra):
        return CaseFile(
            serial, mark, classes, filed=filed, published=published, owner=owner, **extra
        )

    return gazette_xml(
        [
            case("97100001", "XINGHE-TECH", [9, 42]),
            case("97100002", "QINGYUAN", [5]),
            case("97100003", "YANZHAO HOME", [11], owner="SHENZHEN LUCKY STAR TRADING CO., LTD."),
            case("97100004", "HAIGANG", [1]),
            case(
                "97100005",
                "SMART TECH",
                [9],
                owner="Smart Tech Holdings Inc.",
                nationality="US",
                country="US",
                city="Austin",
            ),
            case(
                "97100006",
                "SUNFLOWER GARDEN",
                [31],
                owner="Sunflower Farms LLC",
                nationality="US",
                country="US",
                city="Fresno",
            ),
            case(
                "97100007",
                "YUNFAN",
                [9],
                owner="Yunfan Global LLC",
                nationality="US",
                country="US",
                city="San Jose",
            ),
        ]
    )


def build_demo(people: dict) -> int:
    """Watched marks, a watch list and one imported gazette; 0 when already built."""
    if ImportRun.objects.filter(file_name=DEMO_FILE).exists():
        return 0
    created = 0
    for key, (mark, english, classes) in MARKS.items():
        actor = people[key]
        if not WatchedMark.objects.filter(organization=actor.organization, word_mark=mark).exists():
            build_watched_mark(actor, mark, english_forms=english, nice_classes=classes)
            created += 1
    created += services.load_watch_list(actor=people["staff"], data=WATCH_LIST.encode()).created
    data = _gazette(timezone.localdate())
    run = services.import_gazette(actor=people["staff"], source="uspto_xml", file=data)
    ImportRun.objects.filter(pk=run.pk).update(file_name=DEMO_FILE)
    services.match_run(run.pk)
    return created + run.new
