"""Enterprise-side URLs: applications, the guided form, the case page, its actions and files."""

from django.urls import path

from .views import enterprise, enterprise_actions

urlpatterns = [
    path("applications/", enterprise.application_list, name="application_list"),
    path("applications/new/", enterprise.application_create, name="application_create"),
    path(
        "applications/dispute-fields/",
        enterprise.application_dispute_fields,
        name="application_dispute_fields",
    ),
    path("applications/<uuid:code>/", enterprise.application_detail, name="application_detail"),
    path("applications/<uuid:code>/edit/", enterprise.application_edit, name="application_edit"),
    path(
        "applications/<uuid:code>/withdraw/",
        enterprise_actions.application_withdraw,
        name="application_withdraw",
    ),
    path(
        "applications/<uuid:code>/answer/",
        enterprise_actions.application_answer,
        name="application_answer",
    ),
    path(
        "applications/<uuid:code>/feedback/",
        enterprise_actions.application_feedback,
        name="application_feedback",
    ),
    path(
        "applications/<uuid:code>/messages/",
        enterprise_actions.message_post,
        name="message_post",
    ),
    path(
        "applications/<uuid:code>/files/",
        enterprise_actions.attachment_upload,
        name="attachment_upload",
    ),
    path("files/<uuid:code>/", enterprise_actions.attachment_download, name="attachment_download"),
]
