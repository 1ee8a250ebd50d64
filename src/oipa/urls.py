"""URL configuration."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("", include("oipa.accounts.urls")),
    path("", include("oipa.assistance.urls")),
    path("audit/", include("oipa.core.audit.urls")),
    path("calendar/", include("oipa.core.calendar.urls")),
    path("notifications/", include("oipa.core.notifications.urls")),
    path("monitoring/", include("oipa.monitoring.urls")),
    path("experts/", include("oipa.experts.urls")),
    path("watch/", include("oipa.watch.urls")),
    path("knowledge/", include("oipa.knowledge.urls")),
    path("directory/", include("oipa.directory.urls")),
    path("leads/", include("oipa.leads.urls")),
    path("training/", include("oipa.training.urls")),
    path("funding/", include("oipa.funding.urls")),
    path("enterprises/", include("oipa.enterprises.urls")),
    path("api/v1/", include(("oipa.core.api_urls", "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("", include("oipa.core.urls")),
]
