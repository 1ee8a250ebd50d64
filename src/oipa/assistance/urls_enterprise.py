from django.urls import path

from .views import enterprise

urlpatterns = [
    path("applications/<uuid:code>/", enterprise.application_detail, name="application_detail"),
]
