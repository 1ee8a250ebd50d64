"""URLs of the monitored-names pages and of manual dispute entry; appended to the monitoring
URLs (app "monitoring")."""

from django.urls import path

from . import views_names as views

urlpatterns = [
    path("disputes/new/", views.dispute_enter, name="dispute_enter"),
    path("names/mine/", views.my_names, name="my_names"),
    path("names/<slug:kind>/", views.names_upload, name="names_upload"),
    path("names/<slug:kind>/template.csv", views.names_template, name="names_template"),
]
