"""Managing watched marks: enterprises their own, the Center all and by watch list."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from oipa.accounts.builders import make_uscc
from oipa.core.audit.models import AuditEvent
from oipa.watch import services
from oipa.watch.models import WatchedMark

pytestmark = pytest.mark.django_db


def test_an_enterprise_watches_a_mark_with_derived_pinyin(personas):
    mark = services.add_watched_mark(
        actor=personas["chaoyang"],
        word_mark="小米",
        english_forms=["Xiaomi", " "],
        nice_classes=["9", 35],
        jurisdictions=["us", "EU"],
    )
    assert mark.organization == personas["chaoyang"].organization
    assert (mark.pinyin, mark.pinyin_joined) == ("xiao mi", "xiaomi")
    assert (mark.english_forms, mark.nice_classes, mark.jurisdictions) == (
        ["Xiaomi"],
        [9, 35],
        ["EU", "US"],
    )
    assert AuditEvent.objects.filter(action="watch.mark_added").exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"word_mark": " "}, "word_mark"),
        ({"word_mark": "小米", "nice_classes": [46]}, "nice_classes"),
        ({"word_mark": "小米", "jurisdictions": ["XX"]}, "jurisdictions"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(personas, fields, field):
    with pytest.raises(ValidationError) as error:
        services.add_watched_mark(actor=personas["chaoyang"], **fields)
    assert field in error.value.message_dict


def test_the_same_mark_twice_is_refused(personas):
    services.add_watched_mark(actor=personas["chaoyang"], word_mark="小米")
    with pytest.raises(ValidationError):
        services.add_watched_mark(actor=personas["chaoyang"], word_mark="小米")


def test_an_enterprise_cannot_watch_for_another(personas):
    with pytest.raises(PermissionDenied):
        services.add_watched_mark(
            actor=personas["chaoyang"],
            word_mark="华为",
            organization=personas["haidian"].organization,
        )
    for who in ("expert", "auditor", "partner"):
        with pytest.raises(PermissionDenied):
            services.add_watched_mark(actor=personas[who], word_mark="华为")


def test_update_and_remove_keep_the_mark(personas):
    mark = services.add_watched_mark(actor=personas["chaoyang"], word_mark="小米")
    services.update_watched_mark(
        actor=personas["chaoyang"], mark=mark, word_mark="小米 XIAOMI", nice_classes=[9]
    )
    assert mark.word_mark == "小米 XIAOMI" and mark.pinyin == "xiao mi"
    with pytest.raises(PermissionDenied):
        services.remove_watched_mark(actor=personas["haidian"], mark=mark)
    services.remove_watched_mark(actor=personas["staff"], mark=mark)
    mark.refresh_from_db()
    assert not mark.is_active
    with pytest.raises(ValidationError):
        services.remove_watched_mark(actor=personas["staff"], mark=mark)


def test_the_center_loads_a_watch_list_for_registered_and_unregistered_enterprises(personas):
    registered = personas["chaoyang"].organization
    unregistered = make_uscc("110108", "MA01WATCH")
    data = (
        "enterprise,uscc,mark,english_forms,nice_classes,jurisdictions\n"
        f"{registered.name},{registered.uscc},小米,Xiaomi,9;35,US\n"
        f"北京星河科技有限公司,{unregistered},星河,Xinghe Tech,9,US EU\n"
        "北京星河科技有限公司,,,,,\n"
        "坏数据公司,123,坏,,99,\n"
    ).encode()
    result = services.load_watch_list(actor=personas["staff"], data=data)
    assert (result.created, result.updated) == (2, 0)
    assert [row for row, _reason in result.errors] == [4, 5]
    assert WatchedMark.objects.get(word_mark="小米").organization == registered
    star = WatchedMark.objects.get(word_mark="星河")
    assert star.watched.uscc == unregistered and star.jurisdictions == ["EU", "US"]
    again = services.load_watch_list(actor=personas["staff"], data=data)
    assert (again.created, again.updated) == (0, 2)
    with pytest.raises(PermissionDenied):
        services.load_watch_list(actor=personas["chaoyang"], data=data)
