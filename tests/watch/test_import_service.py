"""Importing a gazette: counts, malformed records, de-duplication, matching and warnings."""

import pytest
from django.core.exceptions import PermissionDenied

from oipa.watch.builders import CaseFile, gazette_csv, gazette_xml
from oipa.watch.models import Hit, ImportRun, Publication, RiskWarning, RunStatus
from oipa.watch.services import import_gazette

from .helpers import GAZETTE, PUBLISHED, import_sample, watch_demo_marks

pytestmark = pytest.mark.django_db


def test_an_import_stores_publications_and_warns_the_enterprises(
    personas, django_capture_on_commit_callbacks
):
    xiaomi, huawei = watch_demo_marks(personas)
    run = import_sample(personas["staff"], capture=django_capture_on_commit_callbacks)
    run.refresh_from_db()
    assert (run.status, run.read, run.new, run.failed) == (RunStatus.SUCCEEDED, 4, 4, 0)
    assert run.matched_at is not None
    hits = {h.publication.serial_number: h for h in Hit.objects.select_related("publication")}
    assert set(hits) == {"90000001", "90000003"}  # SMART TECH and GARDEN ROSE do not fire
    assert hits["90000001"].watched_mark == xiaomi and hits["90000001"].rule == "containment"
    assert hits["90000003"].watched_mark == huawei and hits["90000003"].classes_in_common == [9]
    assert hits["90000001"].deadline.isoformat() == "2026-11-19"
    assert (run.hits, run.warnings) == (2, 2)
    warning = RiskWarning.objects.get(organization=personas["chaoyang"].organization)
    assert warning.publication.serial_number == "90000001"
    assert warning.delivered_at is not None


def test_importing_the_same_file_again_creates_nothing_twice(
    personas, django_capture_on_commit_callbacks
):
    watch_demo_marks(personas)
    import_sample(personas["staff"], capture=django_capture_on_commit_callbacks)
    again = import_sample(personas["staff"], capture=django_capture_on_commit_callbacks)
    assert (again.read, again.new, again.unchanged) == (4, 0, 4)
    assert Publication.objects.count() == 4
    assert Hit.objects.count() == 2 and RiskWarning.objects.count() == 2


def test_a_changed_record_is_updated_in_place_and_matched_again(
    personas, django_capture_on_commit_callbacks
):
    watch_demo_marks(personas)
    import_sample(personas["staff"], capture=django_capture_on_commit_callbacks)
    changed = [CaseFile("90000004", "XIAOMI GARDEN", classes=[9], published=PUBLISHED)]
    run = import_sample(personas["staff"], changed, capture=django_capture_on_commit_callbacks)
    assert (run.updated, run.new) == (1, 0)
    publication = Publication.objects.get(serial_number="90000004")
    assert publication.mark_text == "XIAOMI GARDEN"
    assert publication.hits.count() == 1


def test_malformed_records_are_noted_and_the_rest_stored(personas):
    data = gazette_xml([GAZETTE[0], "<case-file><serial-number>x</serial-number></case-file>"])
    run = import_gazette(actor=personas["staff"], source="uspto_xml", file=data)
    assert (run.status, run.new, run.failed) == (RunStatus.PARTIAL, 1, 1)
    assert run.notes[0]["position"].startswith("case-file 2")


def test_a_file_that_cannot_be_read_gives_a_failed_run(personas):
    run = import_gazette(actor=personas["staff"], source="uspto_xml", file=b"not xml")
    assert run.status == RunStatus.FAILED and run.error


def test_the_template_imports_other_offices(personas, django_capture_on_commit_callbacks):
    watch_demo_marks(personas)
    data = gazette_csv(
        [
            {
                "office": "euipo",
                "serial_number": "019000001",
                "mark": "HUAWEI",
                "publication_date": "2026-10-22",
                "nice_classes": "9",
                "owner": "Euro Squat Ltd",
            }
        ]
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = import_gazette(actor=personas["staff"], source="spreadsheet", file=data)
    publication = Publication.objects.get()
    assert (run.new, publication.office) == (1, "euipo")
    assert publication.hits.get().deadline.isoformat() == "2027-01-22"


@pytest.mark.parametrize("who", ["chaoyang", "expert", "auditor"])
def test_only_center_staff_import(personas, who):
    with pytest.raises(PermissionDenied):
        import_gazette(actor=personas[who], source="uspto_xml", file=gazette_xml(GAZETTE))
    assert not ImportRun.objects.exists()
