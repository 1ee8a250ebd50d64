from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "oipa.monitoring"
    label = "monitoring"
    verbose_name = _("Dispute monitoring")

    def ready(self) -> None:
        from oipa.core.audit.actions import register_action

        register_action("monitoring.source_imported", _("Dispute source imported"))
        register_action("monitoring.match_confirmed", _("Dispute match confirmed"))
        register_action("monitoring.match_rejected", _("Dispute match rejected"))
        register_action("monitoring.alias_added", _("Monitored name added"))
        register_action("monitoring.watch_list_loaded", _("Watch list loaded"))
        register_action("monitoring.aliases_loaded", _("Enterprise names loaded"))
        register_action("monitoring.dispute_entered", _("Dispute entered by staff"))
