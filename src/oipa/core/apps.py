from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "oipa.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from oipa.core.audit.actions import register_action

        register_action("core.demo_data_loaded", _("Demo data loaded"))
