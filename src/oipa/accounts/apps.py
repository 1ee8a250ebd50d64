from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "oipa.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from oipa.core.audit.actions import register_action

        register_action("accounts.enterprise_registered", _("Enterprise registered"))
        register_action("accounts.member_invited", _("Member invited"))
        register_action("accounts.member_deactivated", _("Member deactivated"))
        register_action("accounts.organization_created", _("Organization created"))
        register_action(
            "accounts.center_admin_bootstrapped", _("First Center administrator created")
        )
