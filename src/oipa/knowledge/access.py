"""Who may see and edit the information service's content.

- everyone, visitors included: published items;
- Center staff, admins and auditors: every item (drafts, in review, archived);
- editing: Center staff and admins only (auditors read).
Anything else answers 404, as for a missing item.
"""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from django.db import models
from django.http import Http404

PUBLISHED = "published"
T = TypeVar("T", bound=models.Model)


class EditorialQuerySet(models.QuerySet):
    def published(self) -> EditorialQuerySet:
        return self.filter(status=PUBLISHED)

    def visible_to(self, user) -> EditorialQuerySet:
        """Published items for everyone; every item for the Center (editors and auditors)."""
        membership = user.membership if user.is_authenticated else None
        if membership is not None and membership.is_center:
            return self.all()
        return self.published()


def can_edit(user) -> bool:
    """Editors of the information service: Center staff and admins."""
    membership = user.membership if user.is_authenticated else None
    return membership is not None and membership.is_center_staff


def get_item_for_user(user, model: type[T], code: UUID | str, *, write: bool = False) -> T:
    """The item of `model` with `code` if the user may see it (and edit it, with write=True)."""
    if write and not can_edit(user):
        raise Http404
    try:
        return model.objects.visible_to(user).get(code=code)  # type: ignore[attr-defined]
    except (model.DoesNotExist, ValueError) as exc:  # type: ignore[attr-defined]
        raise Http404 from exc
