from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("register/", views.register, name="register"),
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/new/", views.organization_create, name="organization_create"),
    path("organizations/<uuid:code>/", views.organization_detail, name="organization_detail"),
    path("organizations/<uuid:code>/members/", views.member_invite, name="member_invite"),
    path(
        "organizations/<uuid:code>/members/<int:pk>/deactivate/",
        views.member_deactivate,
        name="member_deactivate",
    ),
]
