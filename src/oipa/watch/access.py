"""Who sees what in the squatting watch, in one place.

- Watched marks: Center staff, admins and auditors see all; an enterprise's members see their
  own organization's; everyone else none.
- Publications, hits, import runs and owners' portfolios: the Center only.
- Warnings: the Center sees all (including those of watched enterprises without an account);
  an enterprise's members see their own organization's.

A hidden object is fetched as a 404, the same as a missing one.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import Http404

from oipa.accounts.access import is_center_staff
from oipa.accounts.access import membership_of as _membership


def is_center(user: Any) -> bool:
    membership = _membership(user)
    return membership is not None and membership.is_center


def enterprise_of(user: Any):
    """The organization of an enterprise member, else None."""
    membership = _membership(user)
    if membership is not None and membership.is_enterprise:
        return membership.organization
    return None


class WatchedMarkQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> WatchedMarkQuerySet:
        membership = _membership(user)
        if membership is None:
            return self.none()
        if membership.is_center:
            return self
        if membership.is_enterprise:
            return self.filter(organization_id=membership.organization_id)
        return self.none()

    def active(self) -> WatchedMarkQuerySet:
        return self.filter(is_active=True)


class PublicationQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> PublicationQuerySet:
        return self if is_center(user) else self.none()


class HitQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> HitQuerySet:
        return self if is_center(user) else self.none()


class WarningQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> WarningQuerySet:
        membership = _membership(user)
        if membership is None:
            return self.none()
        if membership.is_center:
            return self
        if membership.is_enterprise:
            return self.filter(organization_id=membership.organization_id)
        return self.none()


def _one(queryset: models.QuerySet, code: Any):
    found = queryset.filter(code=code).first()
    if found is None:
        raise Http404
    return found


def get_mark_for_user(user: Any, code: Any, *, write: bool = False):
    """The watched mark if `user` may see it (write: Center staff or the owning enterprise)."""
    from .models import WatchedMark

    mark = _one(WatchedMark.objects.visible_to(user), code)
    if write and not (is_center_staff(user) or enterprise_of(user) is not None):
        raise Http404
    return mark


def get_warning_for_user(user: Any, code: Any):
    from .models import RiskWarning

    queryset = RiskWarning.objects.visible_to(user).select_related(
        "publication", "organization", "watched", "application"
    )
    return _one(queryset, code)


def get_hit_for_user(user: Any, code: Any):
    from .models import Hit

    return _one(Hit.objects.visible_to(user).select_related("publication", "watched_mark"), code)


def get_run_for_user(user: Any, code: Any):
    from .models import ImportRun

    if not is_center(user):
        raise Http404
    return _one(ImportRun.objects.all(), code)


def is_own_warning(user: Any, warning: Any) -> bool:
    """The user is a member of the warned enterprise (reads mark it read; may apply)."""
    organization = enterprise_of(user)
    return organization is not None and warning.organization_id == organization.pk
