"""The pool is offered to Center staff, the desk to experts, nothing to others."""

from __future__ import annotations

from django.urls import reverse

from oipa.experts.navigation import home_cards, nav_items


def test_staff_get_the_pool_and_experts_their_desk(personas):
    def urls(who):
        user = personas[who]
        return [item.url for item in nav_items(user, user.membership)]

    assert urls("staff") == [reverse("experts:pool")]
    assert urls("auditor") == [reverse("experts:pool")]
    assert urls("expert") == [reverse("experts:desk")]
    assert urls("chaoyang") == []
    assert [c.url for c in home_cards(personas["expert"], personas["expert"].membership)] == [
        reverse("experts:desk")
    ]
    assert home_cards(personas["partner"], personas["partner"].membership) == []
