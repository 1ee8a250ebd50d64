from django.urls import path

from . import views, views_public, views_review

app_name = "directory"

urlpatterns = [
    path("", views.institution_list, name="institution_list"),
    path("mine/", views.my_listing, name="my_listing"),
    path("institutions/new/", views.institution_create, name="institution_create"),
    path("institutions/<uuid:code>/", views.institution_detail, name="institution_detail"),
    path("institutions/<uuid:code>/edit/", views.institution_edit, name="institution_edit"),
    path(
        "institutions/<uuid:code>/withdraw/",
        views.institution_withdraw,
        name="institution_withdraw",
    ),
    path(
        "institutions/<uuid:code>/reinstate/",
        views.institution_reinstate,
        name="institution_reinstate",
    ),
    path("institutions/<uuid:code>/link/", views.institution_link, name="institution_link"),
    path("institutions/<uuid:code>/quality/", views.quality_entry_add, name="quality_entry_add"),
    path("review/", views_review.review_queue, name="review_queue"),
    path("changes/<uuid:code>/", views_review.change_detail, name="change_detail"),
    path("changes/<uuid:code>/approve/", views_review.change_approve, name="change_approve"),
    path("changes/<uuid:code>/reject/", views_review.change_reject, name="change_reject"),
    path("quality/", views_public.quality_list, name="quality_list"),
    path("quality/<int:year>/", views_public.quality_year, name="quality_year"),
    path("quality/<int:year>.xlsx", views_public.quality_excel, name="quality_excel"),
    path("quality/<int:year>/publish/", views_public.quality_publish, name="quality_publish"),
    path("mediation/", views_public.mediation_list, name="mediation_list"),
    path("mediation/new/", views_public.mediation_body_form, name="mediation_body_create"),
    path(
        "mediation/<uuid:code>/", views_public.mediation_body_detail, name="mediation_body_detail"
    ),
    path(
        "mediation/<uuid:code>/edit/", views_public.mediation_body_form, name="mediation_body_edit"
    ),
    path(
        "mediation/<uuid:code>/withdraw/",
        views_public.mediation_body_withdraw,
        name="mediation_body_withdraw",
    ),
]
