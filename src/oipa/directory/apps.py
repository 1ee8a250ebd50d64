from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "oipa.directory"
    label = "directory"
    verbose_name = _("Service directory")

    def ready(self) -> None:
        from oipa.core.audit.actions import register_action

        for action, label in (
            ("institution_listed", _("Directory listing added")),
            ("institution_updated", _("Directory listing corrected by the Center")),
            ("institution_withdrawn", _("Directory listing withdrawn")),
            ("institution_reinstated", _("Directory listing reinstated")),
            ("organization_linked", _("Directory listing linked to an organization")),
            ("change_proposed", _("Directory listing change proposed")),
            ("change_approved", _("Directory listing change approved")),
            ("change_rejected", _("Directory listing change rejected")),
            ("quality_entry_added", _("Institution entered in the quality directory")),
            ("quality_entry_removed", _("Institution removed from the quality directory")),
            ("quality_directory_published", _("Quality directory published")),
            ("mediation_body_listed", _("Mediation or arbitration body listed")),
            ("mediation_body_updated", _("Mediation or arbitration body updated")),
            ("mediation_body_withdrawn", _("Mediation or arbitration body withdrawn")),
        ):
            register_action(f"directory.{action}", label)
