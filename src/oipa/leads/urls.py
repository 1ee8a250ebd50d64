"""URLs of district demand leads."""

from django.urls import path

from . import views

app_name = "leads"

urlpatterns = [
    path("", views.lead_list, name="lead_list"),
    path("new/", views.lead_create, name="lead_create"),
    path("monthly/", views.monthly, name="monthly"),
    path("monthly/export.xlsx", views.monthly_export, name="monthly_export"),
    path("<uuid:code>/", views.lead_detail, name="lead_detail"),
    path("<uuid:code>/act/<slug:action>/", views.lead_act, name="lead_act"),
    path("invitations/<uuid:code>/", views.invitation, name="invitation"),
    path("invitations/<uuid:code>/start/", views.invitation_start, name="invitation_start"),
]
