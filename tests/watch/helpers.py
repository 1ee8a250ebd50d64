"""Shared set-up of the watch tests: watched marks and an imported sample gazette."""

from datetime import date

from oipa.watch import services
from oipa.watch.builders import CaseFile, build_watched_mark, gazette_xml

PUBLISHED = date(2026, 10, 20)

GAZETTE = [
    CaseFile("90000001", "XIAOMI-TECH", classes=[9], published=PUBLISHED),
    CaseFile("90000002", "SMART TECH", classes=[9], published=PUBLISHED),
    CaseFile("90000003", "HUAWAY", classes=[9, 35], published=PUBLISHED),
    CaseFile("90000004", "GARDEN ROSE", classes=[31], published=PUBLISHED),
]


def watch_demo_marks(personas):
    chaoyang, haidian = personas["chaoyang"], personas["haidian"]
    xiaomi = build_watched_mark(chaoyang, "小米", english_forms=["Xiaomi"], nice_classes=[9])
    huawei = build_watched_mark(haidian, "华为 HUAWEI", nice_classes=[9, 38])
    return xiaomi, huawei


def import_sample(actor, cases=GAZETTE, capture=None):
    data = gazette_xml(cases)
    if capture is None:
        return services.import_gazette(actor=actor, source="uspto_xml", file=data)
    with capture(execute=True):
        return services.import_gazette(actor=actor, source="uspto_xml", file=data)
