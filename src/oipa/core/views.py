"""Home page and health check."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .home import ROLE_SUMMARIES, cards_for
from .models import TaskRun


@require_GET
def home(request):
    """Anonymous visitors see what the service offers; members see what their role can do."""
    membership = request.user.membership if request.user.is_authenticated else None
    context = {
        "cards": cards_for(request.user, membership),
        "role_summary": ROLE_SUMMARIES.get(membership.role) if membership else None,
    }
    return render(request, "core/home.html", context)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure to talk to the database means unhealthy
        return False
    return True


def _broker_ok() -> bool | None:
    if not settings.CELERY_BROKER_URL:
        return None
    from oipa.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:  # unreachable broker, bad credentials, timeouts
        return False
    return True


@never_cache
@require_GET
def healthz(request):
    """200 when the database (and the broker, when configured) answer; 503 otherwise."""
    database = _database_ok()
    broker = _broker_ok()
    healthy = database and broker is not False
    body = {
        "status": "ok" if healthy else "unavailable",
        "database": "ok" if database else "unreachable",
        "broker": {None: "not configured (tasks run in-process)", True: "ok", False: "unreachable"}[
            broker
        ],
    }
    return JsonResponse(body, status=200 if healthy else 503)


@login_required
@require_GET
def task_runs(request):
    """Background task runs for Center staff and auditors (others: 404)."""
    membership = request.user.membership
    if membership is None or not membership.is_center:
        raise Http404
    runs = TaskRun.objects.all()
    task = request.GET.get("task", "")
    if task:
        runs = runs.filter(task=task)
    page = Paginator(runs, 50).get_page(request.GET.get("page"))
    tasks = TaskRun.objects.order_by("task").values_list("task", flat=True).distinct()
    return render(request, "core/task_runs.html", {"page": page, "tasks": tasks, "task": task})
