from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeadsConfig(AppConfig):
    name = "oipa.leads"
    label = "leads"
    verbose_name = _("Demand leads")

    def ready(self) -> None:
        from oipa.core.audit.actions import register_action

        for action, label in ACTIONS.items():
            register_action(action, label)


ACTIONS = {
    "leads.lead_reported": _("Demand lead reported"),
    "leads.lead_contacted": _("Enterprise contacted about a lead"),
    "leads.lead_converted": _("Demand lead converted"),
    "leads.lead_closed": _("Demand lead closed"),
    "leads.application_started": _("Guidance application started from a lead"),
}
