from django.urls import path

from . import views, views_preferences

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/open/", views.notification_open, name="open"),
    path("read-all/", views.notification_read_all, name="read_all"),
    path("preferences/", views_preferences.preference_edit, name="preferences"),
    path("webhook/", views_preferences.webhook_edit, name="webhook"),
    path("webhook/rotate/", views_preferences.webhook_rotate, name="webhook_rotate"),
    path("unsubscribe/<str:token>/", views_preferences.unsubscribe, name="unsubscribe"),
]
