"""Editorial workflow: who may edit, the transition table, versions, audit, lost updates."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from oipa.core.audit.models import AuditEvent
from oipa.knowledge import services
from oipa.knowledge.builders import build_case
from oipa.knowledge.models import ContentVersion, EditorialStatus, TypicalCase

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role", ["auditor", "chaoyang", "partner", "district", "institution", "expert"]
)
def test_only_center_staff_edit(personas, role):
    with pytest.raises(PermissionDenied):
        build_case(actor=personas[role], publish_it=False)
    with pytest.raises(PermissionDenied):
        build_case(actor=None, publish_it=False)


def test_admin_and_staff_edit(personas):
    assert build_case(actor=personas["admin"]).status == EditorialStatus.PUBLISHED


def test_a_full_cycle_writes_a_version_and_an_audit_event_per_change(editor):
    case = build_case(actor=editor, publish_it=False, title_en="Cycle")
    services.update_item(actor=editor, item=case, fields={"facts_en": "New facts."})
    for step in (services.submit_for_review, services.publish_item, services.archive_item):
        case.refresh_from_db()
        step(actor=editor, item=case)
    case.refresh_from_db()
    assert case.status == EditorialStatus.ARCHIVED
    versions = ContentVersion.objects.filter(item_code=case.code).order_by("number")
    assert [v.status for v in versions] == [
        "draft",
        "draft",
        "in_review",
        "published",
        "archived",
    ]
    assert [v.number for v in versions] == [1, 2, 3, 4, 5]
    assert versions[1].snapshot["facts_en"] == "New facts."
    actions = list(
        AuditEvent.objects.filter(target_id=str(case.code)).values_list("action", flat=True)
    )
    assert actions == [
        "knowledge.case_created",
        "knowledge.case_edited",
        "knowledge.item_submitted",
        "knowledge.item_published",
        "knowledge.item_archived",
    ]
    edited = AuditEvent.objects.get(target_id=str(case.code), action="knowledge.case_edited")
    assert edited.after == {"facts_en": "New facts."}


def test_transitions_outside_the_table_are_refused_clearly(editor):
    case = build_case(actor=editor, publish_it=False)
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.publish_item(actor=editor, item=case)
    assert "cannot become" in str(info.value)
    assert TypicalCase.objects.get(pk=case.pk).status == EditorialStatus.DRAFT


def test_a_stale_copy_cannot_overwrite_a_newer_change(editor):
    case = build_case(actor=editor, publish_it=False)
    stale = TypicalCase.objects.get(pk=case.pk)
    services.update_item(actor=editor, item=case, fields={"facts_en": "first"})
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.update_item(actor=editor, item=stale, fields={"facts_en": "second"})
    assert "Someone else" in str(info.value)
    assert TypicalCase.objects.get(pk=case.pk).facts_en == "first"


def test_a_stale_transition_is_refused(editor):
    case = build_case(actor=editor, publish_it=False)
    stale = TypicalCase.objects.get(pk=case.pk)
    services.submit_for_review(actor=editor, item=case)
    with pytest.raises(ValidationError):
        services.submit_for_review(actor=editor, item=stale)


def test_published_items_are_not_edited_in_place(editor):
    case = build_case(actor=editor)
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.update_item(actor=editor, item=case, fields={"facts_en": "x"})
    assert "Only drafts" in str(info.value)


def test_an_item_needs_a_title_and_valid_fields(editor):
    with pytest.raises(ValidationError):
        build_case(actor=editor, publish_it=False, title_zh="", title_en="")
    with pytest.raises(ValidationError):
        build_case(actor=editor, publish_it=False, ip_type="not-a-type")
    assert not TypicalCase.objects.exists()


def test_duplicate_deadline_events_are_refused(editor):
    from oipa.knowledge.models import CountryProfile

    profile = CountryProfile.objects.get(jurisdiction__code="US")
    services.return_to_draft(actor=editor, item=profile)
    profile.refresh_from_db()
    fact = {
        "event": "answer",
        "amount": 21,
        "unit": "days",
        "starts_from": "service",
        "source_url": "https://www.law.cornell.edu/rules/frcp/rule_12",
    }
    with pytest.raises(ValidationError):
        services.set_deadline_facts(actor=editor, profile=profile, facts=[fact, fact])
    with pytest.raises(ValidationError):
        services.set_deadline_facts(actor=editor, profile=profile, facts=[{**fact, "amount": 0}])
    assert profile.deadlines.count() == 4
