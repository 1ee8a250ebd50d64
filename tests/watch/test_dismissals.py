"""Staff dismiss false positives; the decision is remembered for the same mark and owner."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from oipa.watch.builders import CaseFile
from oipa.watch.models import Hit, HitStatus, RiskWarning
from oipa.watch.services import dismiss_hit

from .helpers import import_sample, watch_demo_marks

pytestmark = pytest.mark.django_db


def test_a_dismissal_is_remembered_for_the_same_mark_and_owner(
    personas, django_capture_on_commit_callbacks
):
    watch_demo_marks(personas)
    import_sample(personas["staff"], capture=django_capture_on_commit_callbacks)
    hit = Hit.objects.get(publication__serial_number="90000003")
    dismiss_hit(actor=personas["staff"], hit=hit)
    hit.refresh_from_db()
    assert hit.status == HitStatus.DISMISSED and hit.decided_by == personas["staff"]
    with pytest.raises(ValidationError):
        dismiss_hit(actor=personas["staff"], hit=hit)
    later = [
        CaseFile("90000013", "HUAWAY", classes=[9], published=date(2026, 11, 2)),
        CaseFile("90000014", "HUAWAY", classes=[9], owner="Another Owner LLC"),
    ]
    import_sample(personas["staff"], later, capture=django_capture_on_commit_callbacks)
    same = Hit.objects.get(publication__serial_number="90000013")
    other = Hit.objects.get(publication__serial_number="90000014")
    assert same.status == HitStatus.AUTO_DISMISSED
    assert other.status == HitStatus.OPEN
    assert not RiskWarning.objects.filter(publication__serial_number="90000013").exists()
    assert RiskWarning.objects.filter(publication__serial_number="90000014").exists()


@pytest.mark.parametrize("who", ["auditor", "chaoyang", "expert"])
def test_only_center_staff_dismiss(personas, django_capture_on_commit_callbacks, who):
    watch_demo_marks(personas)
    import_sample(personas["staff"], capture=django_capture_on_commit_callbacks)
    with pytest.raises(PermissionDenied):
        dismiss_hit(actor=personas[who], hit=Hit.objects.first())
