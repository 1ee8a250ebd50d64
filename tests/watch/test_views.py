"""The watch pages over HTTP: marks, warnings, hits, imports, squatters; query counts pinned."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from oipa.watch.builders import CaseFile, build_watched_mark, gazette_xml
from oipa.watch.models import Hit, HitStatus, ImportRun, RiskWarning, WatchedMark

from .helpers import GAZETTE, PUBLISHED, import_sample, watch_demo_marks

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def imported(personas, django_capture_on_commit_callbacks):
    watch_demo_marks(personas)
    return import_sample(personas["staff"], capture=django_capture_on_commit_callbacks)


def test_an_enterprise_adds_a_mark_from_its_page(client, personas):
    client.force_login(personas["chaoyang"])
    response = client.post(
        reverse("watch:mark_list"),
        {"word_mark": "京东", "english_forms": "JD; Jingdong", "nice_classes": "9, 35"},
        **EN,
    )
    assert response.status_code == 302
    mark = WatchedMark.objects.get(word_mark="京东")
    assert mark.english_forms == ["JD", "Jingdong"] and mark.nice_classes == [9, 35]
    page = client.get(reverse("watch:mark_list"), **EN)
    assert "jing dong" in page.content.decode()


def test_a_bad_mark_shows_the_error_and_stores_nothing(client, personas):
    client.force_login(personas["chaoyang"])
    response = client.post(
        reverse("watch:mark_list"), {"word_mark": "京东", "nice_classes": "99"}, **EN
    )
    assert response.status_code == 200
    assert "Nice classes are numbered 1 to 45." in response.content.decode()
    assert not WatchedMark.objects.exists()


def test_the_enterprise_reads_its_warning_and_applies(client, personas, imported):
    client.force_login(personas["chaoyang"])
    listing = client.get(reverse("watch:warning_list"), **EN).content.decode()
    assert "XIAOMI-TECH" in listing and "HUAWAY" not in listing
    warning = RiskWarning.objects.get(organization=personas["chaoyang"].organization)
    detail = client.get(reverse("watch:warning_detail", args=[warning.code]), **EN)
    body = detail.content.decode()
    assert "Shenzhen Sample Trading" in body and "2026-11-19" in body
    assert "Apply for guidance" in body
    response = client.post(reverse("watch:warning_apply", args=[warning.code]))
    warning.refresh_from_db()
    assert response.url == reverse("assistance:application_edit", args=[warning.application.code])


def test_staff_see_hits_dismiss_one_and_see_what_was_acted_on(client, personas, imported):
    client.force_login(personas["staff"])
    page = client.get(reverse("watch:hit_list"), **EN).content.decode()
    assert "XIAOMI-TECH" in page and "HUAWAY" in page
    hit = Hit.objects.get(publication__serial_number="90000003")
    client.post(reverse("watch:hit_dismiss", args=[hit.code]))
    hit.refresh_from_db()
    assert hit.status == HitStatus.DISMISSED
    open_only = client.get(reverse("watch:hit_list"), **EN).content.decode()
    assert "HUAWAY" not in open_only
    dismissed = client.get(reverse("watch:hit_list"), {"status": "dismissed"}, **EN)
    assert "HUAWAY" in dismissed.content.decode()
    acted = client.get(reverse("watch:warning_list"), {"acted": "1"}, **EN).content.decode()
    assert "No warnings." in acted


def test_staff_import_a_gazette_from_the_page(client, personas, django_capture_on_commit_callbacks):
    watch_demo_marks(personas)
    client.force_login(personas["staff"])
    upload = SimpleUploadedFile("apc261020.xml", gazette_xml(GAZETTE), "text/xml")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("watch:run_import"),
            {"source": "uspto_xml", "office": "uspto", "file": upload},
            **EN,
        )
    run = ImportRun.objects.get()
    assert response.url == reverse("watch:run_detail", args=[run.code])
    detail = client.get(response.url, **EN).content.decode()
    assert "XIAOMI-TECH" in detail and run.file_name == "apc261020.xml"


def test_staff_load_a_watch_list_from_the_page(client, personas):
    client.force_login(personas["staff"])
    data = "enterprise,mark,nice_classes\n北京星河科技有限公司,星河,9\n".encode()
    upload = SimpleUploadedFile("list.csv", data, "text/csv")
    client.post(reverse("watch:watch_list_upload"), {"file": upload}, **EN)
    assert WatchedMark.objects.get(word_mark="星河").watched.name == "北京星河科技有限公司"


def test_the_squatter_list_and_portfolio_show_the_owner(
    client, personas, django_capture_on_commit_callbacks
):
    watch_demo_marks(personas)
    filings = [
        CaseFile("92000001", "XIAOMI", owner="Lucky Star LLC", published=PUBLISHED),
        CaseFile("92000002", "HUAWEI", owner="Lucky Star LLC", published=PUBLISHED),
    ]
    import_sample(personas["staff"], filings, capture=django_capture_on_commit_callbacks)
    client.force_login(personas["staff"])
    from django.test import override_settings

    with override_settings(WATCH_SERIAL_MIN_BRANDS=2):
        page = client.get(reverse("watch:squatter_list"), **EN).content.decode()
    assert "Lucky Star LLC" in page
    hit = Hit.objects.filter(publication__serial_number="92000001").get()
    portfolio = client.get(reverse("watch:owner_portfolio", args=[hit.publication.code]), **EN)
    assert "92000002" in portfolio.content.decode()


@pytest.mark.parametrize(
    ("who", "name", "limit"),
    [
        ("staff", "watch:hit_list", 14),
        ("staff", "watch:warning_list", 12),
        ("chaoyang", "watch:warning_list", 12),
        ("staff", "watch:mark_list", 12),
        ("staff", "watch:run_list", 12),
    ],
)
def test_busy_lists_keep_their_query_count(
    client, personas, imported, django_assert_max_num_queries, who, name, limit
):
    more = [CaseFile(f"9300{i:04d}", f"XIAOMI {i}", published=PUBLISHED) for i in range(20)]
    import_sample(personas["staff"], more)
    from oipa.watch.services import match_run

    match_run(ImportRun.objects.order_by("-pk").first().pk)
    client.force_login(personas[who])
    with django_assert_max_num_queries(limit):
        assert client.get(reverse(name), **EN).status_code == 200


def test_the_api_lists_hits_for_staff_and_adds_marks_for_enterprises(client, personas, imported):
    client.force_login(personas["staff"])
    hits = client.get(reverse("api:watch-hit-list"), {"rule": "containment"}).json()
    assert [h["mark"] for h in hits["results"]] == ["XIAOMI-TECH"]
    client.force_login(personas["chaoyang"])
    created = client.post(
        reverse("api:watched-mark-list"),
        {"word_mark": "米家", "nice_classes": [9]},
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["pinyin_joined"] == "mijia"
    refused = client.post(
        reverse("api:watched-mark-list"),
        {"word_mark": "米家", "nice_classes": [9]},
        content_type="application/json",
    )
    assert refused.status_code == 400


def test_staff_dismiss_a_hit_through_the_api(client, personas, imported):
    hit = Hit.objects.get(publication__serial_number="90000003")
    client.force_login(personas["auditor"])
    url = reverse("api:watch-hit-dismiss", args=[hit.code])
    assert client.post(url).status_code == 403
    client.force_login(personas["staff"])
    assert client.post(url).json()["status"] == "dismissed"
    assert client.post(url).status_code == 400


def test_an_enterprise_edits_its_mark_and_others_get_404(client, personas):
    mark = build_watched_mark(personas["chaoyang"], "京东", nice_classes=[9])
    url = reverse("watch:mark_edit", args=[mark.code])
    client.force_login(personas["haidian"])
    assert client.get(url).status_code == 404
    client.force_login(personas["chaoyang"])
    assert "京东" in client.get(url, **EN).content.decode()
    response = client.post(url, {"word_mark": "京东 JD", "nice_classes": "9 35"}, **EN)
    assert response.status_code == 302
    mark.refresh_from_db()
    assert (mark.word_mark, mark.nice_classes, mark.pinyin) == ("京东 JD", [9, 35], "jing dong")
