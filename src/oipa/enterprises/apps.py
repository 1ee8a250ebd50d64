from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "oipa.enterprises"
    label = "enterprises"
    verbose_name = _("Enterprise compliance")

    def ready(self) -> None:
        from oipa.core.audit.actions import register_action

        register_action("enterprises.self_check_submitted", _("Compliance self-check submitted"))
