"""Monitoring pages, included by the project at "monitoring/"."""

from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("", views.dispute_list, name="dispute_list"),
    path("disputes/<uuid:code>/", views.dispute_detail, name="dispute_detail"),
    path("sources/", views.source_list, name="source_list"),
    path("sources/<slug:slug>/", views.source_detail, name="source_detail"),
    path("sources/<slug:slug>/import/", views.source_import, name="source_import"),
    path("runs/<uuid:code>/", views.run_detail, name="run_detail"),
    path("review/", views.review_queue, name="review_queue"),
    path(
        "matches/<uuid:code>/<str:verdict>/",
        views.match_decide,
        name="match_decide",
    ),
    path("template/", views.template_help, name="template_help"),
    path(
        "template/download.<slug:ext>",
        views.template_download,
        name="template_download",
    ),
]

from . import urls_insights  # noqa: E402

urlpatterns += urls_insights.urlpatterns

from . import urls_alerts  # noqa: E402

urlpatterns += urls_alerts.urlpatterns

from . import urls_names  # noqa: E402

urlpatterns += urls_names.urlpatterns
