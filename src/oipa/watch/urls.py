from django.urls import path

from . import views, views_staff

app_name = "watch"

urlpatterns = [
    path("", views.index, name="index"),
    path("marks/", views.mark_list, name="mark_list"),
    path("marks/<uuid:code>/edit/", views.mark_edit, name="mark_edit"),
    path("marks/<uuid:code>/remove/", views.mark_remove, name="mark_remove"),
    path("warnings/", views.warning_list, name="warning_list"),
    path("warnings/<uuid:code>/", views.warning_detail, name="warning_detail"),
    path("warnings/<uuid:code>/apply/", views.warning_apply, name="warning_apply"),
    path("hits/", views_staff.hit_list, name="hit_list"),
    path("hits/<uuid:code>/dismiss/", views_staff.hit_dismiss, name="hit_dismiss"),
    path("runs/", views_staff.run_list, name="run_list"),
    path("runs/import/", views_staff.run_import, name="run_import"),
    path("runs/<uuid:code>/", views_staff.run_detail, name="run_detail"),
    path("marks/upload/", views_staff.watch_list_upload, name="watch_list_upload"),
    path("squatters/", views_staff.squatter_list, name="squatter_list"),
    path("publications/<uuid:code>/owner/", views_staff.owner_portfolio, name="owner_portfolio"),
]
