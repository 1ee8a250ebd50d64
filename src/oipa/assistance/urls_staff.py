"""Center-side URLs: the workbench, its Excel export, and the staff actions on a case."""

from django.urls import path

from .views import staff

urlpatterns = [
    path("workbench/", staff.workbench, name="workbench"),
    path("workbench/export.xlsx", staff.workbench_export, name="workbench_export"),
    path(
        "applications/<uuid:code>/act/<slug:action>/",
        staff.staff_act,
        name="staff_act",
    ),
]
