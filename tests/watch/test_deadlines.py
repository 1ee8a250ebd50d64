"""Opposition deadlines per office, weekends moved to Monday."""

from datetime import date

import pytest

from oipa.watch.deadlines import opposition_deadline

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("office", "published", "due"),
    [
        ("uspto", date(2026, 10, 20), date(2026, 11, 19)),  # 30 days, a Thursday
        ("uspto", date(2026, 10, 22), date(2026, 11, 23)),  # Saturday 21 -> Monday 23
        ("euipo", date(2026, 10, 22), date(2027, 1, 22)),  # 3 months
        ("euipo", date(2026, 10, 24), date(2027, 1, 25)),  # Sunday 24 -> Monday 25
        ("ukipo", date(2026, 10, 20), date(2026, 12, 21)),  # 2 months: Sunday 20 -> Monday 21
        ("ukipo", date(2026, 12, 31), date(2027, 3, 1)),  # 28 Feb (Sunday) -> 1 March
    ],
)
def test_each_office_counts_its_own_period(office, published, due):
    deadline = opposition_deadline(office, published)
    assert deadline.due == due
    assert published.isoformat() in deadline.basis


def test_the_us_basis_names_the_extensions():
    assert "180 days" in opposition_deadline("uspto", date(2026, 10, 20)).basis


def test_madrid_has_no_period_of_its_own():
    deadline = opposition_deadline("wipo", date(2026, 10, 20))
    assert deadline.due is None and "designated office" in deadline.basis


def test_an_unpublished_application_has_no_deadline_yet():
    deadline = opposition_deadline("uspto", None)
    assert deadline.due is None and "not started" in deadline.basis
