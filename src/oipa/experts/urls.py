"""Routes of the expert pool (mounted at /experts/)."""

from django.urls import path

from . import views, views_cases

app_name = "experts"

urlpatterns = [
    path("", views.pool, name="pool"),
    path("hours/", views.hours_report, name="hours_report"),
    path("me/", views.own_profile, name="own_profile"),
    path("desk/", views.desk, name="desk"),
    path("profiles/<uuid:code>/", views.profile_detail, name="profile_detail"),
    path("profiles/<uuid:code>/edit/", views.profile_edit, name="profile_edit"),
    path("profiles/<uuid:code>/status/", views.profile_status, name="profile_status"),
    path("profiles/<uuid:code>/conflicts/", views.conflict_declare, name="conflict_declare"),
    path(
        "profiles/<uuid:code>/conflicts/<int:pk>/withdraw/",
        views.conflict_withdraw,
        name="conflict_withdraw",
    ),
    path(
        "profiles/<uuid:code>/unavailability/",
        views.unavailability_add,
        name="unavailability_add",
    ),
    path("invitations/<uuid:code>/accept/", views.invitation_accept, name="invitation_accept"),
    path("invitations/<uuid:code>/decline/", views.invitation_decline, name="invitation_decline"),
    path("cases/<uuid:code>/", views_cases.case_panel, name="case_panel"),
    path("cases/<uuid:code>/invite/", views_cases.case_invite, name="case_invite"),
    path("cases/<uuid:code>/hours/", views_cases.log_hours, name="log_hours"),
    path(
        "cases/<uuid:code>/consultation/",
        views_cases.record_consultation,
        name="record_consultation",
    ),
    path("cases/<uuid:code>/opinion/", views_cases.upload_opinion, name="upload_opinion"),
    path("batch/", views_cases.batch, name="batch"),
    path("batch/<uuid:code>/", views_cases.proposal_detail, name="proposal_detail"),
    path(
        "batch/<uuid:code>/confirm/",
        views_cases.proposal_decide,
        {"decision": "confirm"},
        name="proposal_confirm",
    ),
    path(
        "batch/<uuid:code>/discard/",
        views_cases.proposal_decide,
        {"decision": "discard"},
        name="proposal_discard",
    ),
]
