"""Core URLs: home and health."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("runs/", views.task_runs, name="task_runs"),
]
