"""URLs of co-defendant groups, joint responses, incidents, trends and the public coverage page;
appended to the monitoring URLs (app "monitoring")."""

from django.urls import path

from . import views_insights as views

urlpatterns = [
    path("groups/", views.group_list, name="group_list"),
    path("groups/<str:key>/propose/", views.group_propose, name="group_propose"),
    path("joint-response/<uuid:code>/", views.joint_response, name="joint_response"),
    path("incidents/", views.incident_list, name="incident_list"),
    path("incidents/new/", views.incident_open, name="incident_open"),
    path("incidents/<uuid:code>/", views.incident_detail, name="incident_detail"),
    path(
        "incidents/<uuid:code>/<slug:action>/",
        views.incident_action,
        name="incident_action",
    ),
    path("trends/", views.trends_page, name="trends"),
    path("trends/export.xlsx", views.trends_export, name="trends_export"),
    path("coverage/", views.coverage_page, name="coverage"),
]
