from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceConfig(AppConfig):
    name = "oipa.assistance"
    label = "assistance"
    verbose_name = _("Guidance applications")

    def ready(self) -> None:
        from . import workflow

        workflow.register_audit_labels()
