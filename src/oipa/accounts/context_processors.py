"""Template context: the current user's membership, unread count and feature-app links."""

from django.utils.functional import SimpleLazyObject


def membership(request):
    from oipa.core.extensions import nav_items

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "membership": None,
            "unread_notifications": 0,
            "feature_nav": SimpleLazyObject(lambda: nav_items(user, None)),
        }
    from oipa.core.notifications.models import Notification

    # Lazy: pages that never show the navigation (partials) do not pay for the count.
    unread = SimpleLazyObject(lambda: Notification.objects.visible_to(user).unread().count())
    member = user.membership
    return {
        "membership": member,
        "unread_notifications": unread,
        "feature_nav": SimpleLazyObject(lambda: nav_items(user, member)),
    }
