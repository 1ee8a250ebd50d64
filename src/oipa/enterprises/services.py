"""Writes of the compliance self-check."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.core.audit.services import record_event

from . import questionnaire
from .access import can_fill_in
from .models import SelfCheck

VALID_ANSWERS = {key for key, _label in questionnaire.ANSWERS}


def submit_self_check(*, actor, industry, answers: dict[str, str]) -> SelfCheck:
    """Score the enterprise's answers to the current questionnaire and keep them as this
    year's self-check (answering again within the year replaces the year's answers; earlier
    years stay for the trend). Every question needs an answer."""
    if not can_fill_in(actor):
        raise PermissionDenied
    version = questionnaire.CURRENT_VERSION
    missing = [
        key for key in questionnaire.question_keys(version) if answers.get(key) not in VALID_ANSWERS
    ]
    if missing:
        raise ValidationError({key: _("Choose an answer.") for key in missing}, code="unanswered")
    if industry is None:
        raise ValidationError({"industry": _("Choose your industry.")})
    organization = actor.membership.organization
    clean = {key: answers[key] for key in questionnaire.question_keys(version)}
    result = questionnaire.score(clean, version)
    year = timezone.localdate().year
    with transaction.atomic():
        previous = (
            SelfCheck.objects.select_for_update()
            .filter(organization=organization, year=year)
            .first()
        )
        fields = {
            "version": version,
            "industry": industry,
            "district": organization.district,
            "answers": clean,
            "section_scores": result.by_section,
            "total_score": result.total,
            "submitted_by": actor,
            "submitted_at": timezone.now(),
        }
        if previous is None:
            check = SelfCheck.objects.create(organization=organization, year=year, **fields)
        else:
            SelfCheck.objects.filter(pk=previous.pk).update(**fields)
            check = SelfCheck.objects.get(pk=previous.pk)
        record_event(
            actor=actor,
            action="enterprises.self_check_submitted",
            target=check,
            organization=organization,
            before={"total": previous.total_score} if previous else None,
            after={"year": year, "total": result.total, "sections": result.by_section},
        )
    return check
