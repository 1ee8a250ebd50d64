"""Working-day calendar pages; included by the project at `calendar/`."""

from django.urls import path

from . import views

app_name = "calendar"

urlpatterns = [
    path("", views.year_list, name="year_list"),
    path("<int:year>/", views.year_detail, name="year_detail"),
    path("<int:year>/edit/", views.year_edit, name="year_edit"),
]
