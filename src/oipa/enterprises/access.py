"""Who may see which compliance self-check: an enterprise its own; the Center every one
(read-only, for aggregates); nobody else. Hidden checks answer 404."""

from __future__ import annotations

from uuid import UUID

from django.db import models
from django.http import Http404


class SelfCheckQuerySet(models.QuerySet):
    def visible_to(self, user) -> SelfCheckQuerySet:
        membership = user.membership if user.is_authenticated else None
        if membership is None:
            return self.none()
        if membership.is_enterprise:
            return self.filter(organization_id=membership.organization_id)
        if membership.is_center:
            return self.all()
        return self.none()


def can_fill_in(user) -> bool:
    """Enterprise members answer the questionnaire for their enterprise."""
    membership = getattr(user, "membership", None)
    return membership is not None and membership.is_enterprise


def can_see_aggregates(user) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.is_center


def get_self_check_for_user(user, code: UUID | str):
    """The self-check if the user may see it; 404 otherwise."""
    from .models import SelfCheck

    check = (
        SelfCheck.objects.visible_to(user)
        .select_related("organization", "industry")
        .filter(code=code)
        .first()
    )
    if check is None:
        raise Http404
    return check
