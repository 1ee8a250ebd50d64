from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "oipa.knowledge"
    label = "knowledge"
    verbose_name = _("Information service")

    def ready(self) -> None:
        from oipa.core.audit.actions import register_action

        for action, label in AUDIT_ACTIONS.items():
            register_action(action, label)


AUDIT_ACTIONS = {
    "knowledge.profile_created": _("Country profile created"),
    "knowledge.case_created": _("Typical case created"),
    "knowledge.guide_created": _("Guide created"),
    "knowledge.bulletin_created": _("Bulletin created"),
    "knowledge.profile_edited": _("Country profile edited"),
    "knowledge.case_edited": _("Typical case edited"),
    "knowledge.guide_edited": _("Guide edited"),
    "knowledge.bulletin_edited": _("Bulletin edited"),
    "knowledge.profile_deadlines_set": _("Country profile deadlines changed"),
    "knowledge.item_submitted": _("Content submitted for review"),
    "knowledge.item_published": _("Content published"),
    "knowledge.item_returned_to_draft": _("Content returned to draft"),
    "knowledge.item_archived": _("Content archived"),
    "knowledge.bulletins_subscribed": _("Bulletin subscription set"),
    "knowledge.bulletins_unsubscribed": _("Bulletin subscription removed"),
}
