"""Submitting a self-check: every question answered, one per year, the trend kept."""

from datetime import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from oipa.core.audit.models import AuditEvent
from oipa.core.taxonomy.models import Industry
from oipa.enterprises import services
from oipa.enterprises.builders import answers, build_self_check
from oipa.enterprises.models import SelfCheck

pytestmark = pytest.mark.django_db


def test_an_enterprise_gets_its_scores_and_the_district_is_kept(personas):
    check = build_self_check(actor=personas["chaoyang"], markets_registered="no")
    assert check.section_scores["markets"] == 67
    assert check.district == personas["chaoyang"].membership.organization.district
    assert AuditEvent.objects.filter(action="enterprises.self_check_submitted").count() == 1


def test_an_unanswered_question_is_named_and_nothing_is_stored(personas):
    partial = answers()
    del partial["fto_before_launch"]
    partial["secrets_policy"] = "maybe"
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.submit_self_check(
            actor=personas["chaoyang"], industry=Industry.objects.get(code="C"), answers=partial
        )
    assert set(info.value.message_dict) == {"fto_before_launch", "secrets_policy"}
    assert not SelfCheck.objects.exists()


def test_answering_again_in_the_same_year_replaces_that_years_answers(personas):
    first = build_self_check(actor=personas["chaoyang"], markets_registered="no")
    second = build_self_check(actor=personas["chaoyang"])
    assert first.pk == second.pk and second.total_score == 100
    assert SelfCheck.objects.count() == 1


def test_each_year_is_kept_for_the_trend(personas):
    with time_machine.travel(datetime(2025, 6, 1, 10, 0), tick=False):
        build_self_check(actor=personas["chaoyang"], markets_registered="no")
    with time_machine.travel(datetime(2026, 6, 1, 10, 0), tick=False):
        build_self_check(actor=personas["chaoyang"])
    assert list(SelfCheck.objects.order_by("year").values_list("year", flat=True)) == [2025, 2026]


def test_only_enterprises_fill_in_the_questionnaire(personas):
    for who in ("staff", "district", "expert"):
        with pytest.raises(PermissionDenied):
            build_self_check(actor=personas[who])
