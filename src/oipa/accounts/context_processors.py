"""Template context: the current user's membership and unread notification count."""

from django.utils.functional import SimpleLazyObject


def membership(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"membership": None, "unread_notifications": 0}
    from oipa.core.notifications.models import Notification

    # Lazy: pages that never show the navigation (partials) do not pay for the count.
    unread = SimpleLazyObject(lambda: Notification.objects.visible_to(user).unread().count())
    return {"membership": user.membership, "unread_notifications": unread}
