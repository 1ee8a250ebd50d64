from django.urls import path

from . import views, views_editor

app_name = "knowledge"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("countries/", views.country_list, name="country_list"),
    path("cases/", views.case_list, name="case_list"),
    path("guides/", views.guide_list, name="guide_list"),
    path("bulletins/", views.bulletin_list, name="bulletin_list"),
    path("profiles/<uuid:code>/", views.profile_detail, name="profile_detail"),
    path("cases/<uuid:code>/", views.case_detail, name="case_detail"),
    path("guides/<uuid:code>/", views.guide_detail, name="guide_detail"),
    path("guides/<uuid:code>/attachment/", views.guide_attachment, name="guide_attachment"),
    path("bulletins/<uuid:code>/", views.bulletin_detail, name="bulletin_detail"),
    path("subscription/", views_editor.subscription, name="subscription"),
    path("manage/", views_editor.manage, name="manage"),
    path("manage/<str:kind>/new/", views_editor.item_create, name="item_create"),
    path("manage/<str:kind>/<uuid:code>/edit/", views_editor.item_edit, name="item_edit"),
    path(
        "manage/profile/<uuid:code>/deadlines/",
        views_editor.profile_deadlines,
        name="profile_deadlines",
    ),
    path(
        "manage/<str:kind>/<uuid:code>/<str:action>/",
        views_editor.item_transition,
        name="item_transition",
    ),
]
