"""The user's notifications: list them, open one (marking it read), mark all read."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import services
from .models import Notification


@login_required
def notification_list(request):
    notices = Notification.objects.visible_to(request.user)
    page = Paginator(notices, 50).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page": page})


@login_required
@require_POST
def notification_open(request, pk):
    notice = Notification.objects.visible_to(request.user).filter(pk=pk).first()
    if notice is None:
        raise Http404
    services.mark_read(actor=request.user, notification=notice)
    if notice.url and url_has_allowed_host_and_scheme(notice.url, allowed_hosts=None):
        return redirect(notice.url)
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read_all(request):
    Notification.objects.visible_to(request.user).unread().update(read_at=timezone.now())
    return redirect("notifications:list")
