"""Attendance one by one and from a CSV sheet, feedback, and the yearly history."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from oipa.training import services
from oipa.training.builders import build_event, build_registration, move_event
from oipa.training.history import history, summarize
from oipa.training.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(personas):
    """An event that started an hour ago with the Chaoyang and Haidian enterprises confirmed,
    Tianjin on the waiting list."""
    event = build_event(actor=personas["staff"], capacity=2)
    regs = [build_registration(actor=personas[k], event=event) for k in ("chaoyang", "haidian")]
    build_registration(actor=personas["tianjin"], event=event)
    move_event(event, timezone.now() - timedelta(hours=1))
    for registration in regs:
        registration.refresh_from_db()
    return event, regs


def test_staff_record_that_an_attendee_came(personas, held):
    _event, (chaoyang, _haidian) = held

    services.record_attendance(actor=personas["staff"], registration=chaoyang, attended=True)

    chaoyang.refresh_from_db()
    assert chaoyang.attended is True and chaoyang.attendance_recorded_at is not None


def test_attendance_is_refused_before_the_event_starts(personas, event):
    registration = build_registration(actor=personas["chaoyang"], event=event)

    with pytest.raises(ValidationError):
        services.record_attendance(
            actor=personas["staff"], registration=registration, attended=True
        )


def test_an_enterprise_cannot_record_its_own_attendance(personas, held):
    _event, (chaoyang, _haidian) = held

    with pytest.raises(PermissionDenied):
        services.record_attendance(actor=personas["chaoyang"], registration=chaoyang, attended=True)


def test_a_csv_sheet_marks_attendance_by_email_or_uscc(personas, held):
    event, (chaoyang, haidian) = held
    uscc = haidian.organization.uscc
    sheet = f"邮箱,统一社会信用代码,出席\n{chaoyang.attendee_email},,是\n,{uscc},否\n".encode(
        "gb18030"
    )

    marked = services.import_attendance(actor=personas["staff"], event=event, content=sheet)

    assert marked == 2
    chaoyang.refresh_from_db()
    haidian.refresh_from_db()
    assert (chaoyang.attended, haidian.attended) == (True, False)


def test_a_sheet_with_a_bad_line_changes_nothing_and_names_every_bad_line(personas, held):
    event, (chaoyang, _haidian) = held
    sheet = (
        f"email,attended\n{chaoyang.attendee_email},yes\nstranger@example.com,yes\n"
        f"{chaoyang.attendee_email},maybe\n"
    ).encode()

    with pytest.raises(ValidationError) as info:
        services.import_attendance(actor=personas["staff"], event=event, content=sheet)

    messages = " ".join(info.value.messages)
    assert "Line 3" in messages and "Line 4" in messages
    assert not Registration.objects.filter(attended__isnull=False).exists()


def test_a_sheet_without_the_expected_columns_is_refused(personas, held):
    event, _regs = held

    with pytest.raises(ValidationError) as info:
        services.import_attendance(actor=personas["staff"], event=event, content=b"name\nX\n")

    assert "first line" in info.value.messages[0]


def test_waiting_list_registrations_cannot_be_marked(personas, held):
    event, _regs = held
    waiting = Registration.objects.get(event=event, status="waitlisted")

    with pytest.raises(ValidationError):
        services.record_attendance(actor=personas["staff"], registration=waiting, attended=True)


def test_an_attendee_gives_feedback_once(personas, held):
    _event, (chaoyang, _haidian) = held
    services.record_attendance(actor=personas["staff"], registration=chaoyang, attended=True)

    services.give_feedback(
        actor=personas["chaoyang"], registration=chaoyang, rating=5, comment="好"
    )

    with pytest.raises(ValidationError):
        services.give_feedback(actor=personas["chaoyang"], registration=chaoyang, rating=1)
    chaoyang.refresh_from_db()
    assert chaoyang.rating == 5


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_a_rating_outside_one_to_five_is_refused(personas, held, rating):
    _event, (chaoyang, _haidian) = held
    services.record_attendance(actor=personas["staff"], registration=chaoyang, attended=True)

    with pytest.raises(ValidationError):
        services.give_feedback(actor=personas["chaoyang"], registration=chaoyang, rating=rating)


def test_feedback_needs_attendance(personas, held):
    _event, (chaoyang, _haidian) = held

    with pytest.raises(ValidationError):
        services.give_feedback(actor=personas["chaoyang"], registration=chaoyang, rating=4)


def test_the_yearly_history_counts_registrations_attendance_and_hours(personas, held):
    event, (chaoyang, _haidian) = held
    services.record_attendance(actor=personas["staff"], registration=chaoyang, attended=True)

    rows = history(chaoyang.organization, event.starts_at.year)
    summary = summarize(rows)

    assert [r.pk for r in rows] == [chaoyang.pk]
    assert (summary.registered, summary.attended, summary.hours) == (1, 1, 3.0)
    assert not history(chaoyang.organization, event.starts_at.year - 1).exists()
