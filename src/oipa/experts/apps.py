from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "oipa.experts"
    label = "experts"
    verbose_name = _("Experts")

    def ready(self) -> None:
        from oipa.core.audit.actions import register_action

        from .services._common import AUDIT_LABELS

        for action, label in AUDIT_LABELS.items():
            register_action(action, label)
