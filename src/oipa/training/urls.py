"""URLs of training and events."""

from django.urls import path

from . import views, views_actions

app_name = "training"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("new/", views.event_create, name="event_create"),
    path("history/", views.training_history, name="history"),
    path("<uuid:code>/", views.event_detail, name="event_detail"),
    path("<uuid:code>/register/", views_actions.event_register, name="event_register"),
    path("<uuid:code>/invitation.ics", views_actions.event_invitation, name="event_invitation"),
    path("<uuid:code>/capacity/", views_actions.event_capacity, name="event_capacity"),
    path("<uuid:code>/cancel/", views_actions.event_cancel, name="event_cancel"),
    path("<uuid:code>/materials/", views_actions.material_upload, name="material_upload"),
    path("<uuid:code>/attendance/", views_actions.attendance_import, name="attendance_import"),
    path("materials/<uuid:code>/", views_actions.material_download, name="material_download"),
    path(
        "registrations/<uuid:code>/cancel/",
        views_actions.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "registrations/<uuid:code>/attendance/",
        views_actions.registration_attendance,
        name="registration_attendance",
    ),
    path(
        "registrations/<uuid:code>/feedback/",
        views_actions.registration_feedback,
        name="registration_feedback",
    ),
    path(
        "registrations/<uuid:code>/certificate.pdf",
        views_actions.certificate,
        name="certificate",
    ),
]
