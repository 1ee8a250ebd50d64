"""`title` follows the active language and falls back to the other one."""

from django.utils import translation

from oipa.core.taxonomy.models import Industry, IPCEntry, Jurisdiction, NiceClass


def test_a_jurisdiction_title_follows_the_language():
    china = Jurisdiction.objects.get(code="CN")
    with translation.override("zh-hans"):
        assert china.title == "中国"
        assert str(china) == "CN 中国"
    with translation.override("en"):
        assert china.title == "China"


def test_nice_and_industry_titles_follow_the_language():
    nice = NiceClass.objects.get(number=35)
    industry = Industry.objects.get(code="I")
    with translation.override("zh-hans"):
        assert nice.title.startswith("广告")
        assert industry.title == "信息传输、软件和信息技术服务业"
    with translation.override("en"):
        assert nice.title.startswith("Advertising")
        assert industry.title.startswith("Information transmission")


def test_a_subclass_without_a_chinese_title_falls_back_to_english():
    subclass = IPCEntry.objects.get(symbol="H04W")
    assert subclass.title_zh == ""
    with translation.override("zh-hans"):
        assert subclass.title == subclass.title_en


def test_an_entry_without_an_english_title_falls_back_to_chinese():
    entry = Industry(code="Z", title_zh="测试", title_en="")
    with translation.override("en"):
        assert entry.title == "测试"
