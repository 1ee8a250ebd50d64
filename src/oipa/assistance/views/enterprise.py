"""Enterprise-side views (being built)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..access import get_application_for_user


@login_required
def application_detail(request, code):
    application = get_application_for_user(request.user, code)
    return render(request, "assistance/application_detail.html", {"application": application})
