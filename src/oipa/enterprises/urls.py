"""Compliance self-check pages, included by the project at "enterprises/"."""

from django.urls import path

from . import views

app_name = "enterprises"

urlpatterns = [
    path("", views.index, name="index"),
    path("self-check/", views.self_check, name="self_check"),
    path("self-check/overview/", views.self_check_overview, name="self_check_overview"),
    path("self-check/<uuid:code>/", views.self_check_detail, name="self_check_detail"),
]
