from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WatchConfig(AppConfig):
    name = "oipa.watch"
    label = "watch"
    verbose_name = _("Risk warning")

    def ready(self) -> None:
        from oipa.core.audit.actions import register_action

        register_action("watch.mark_added", _("Watched mark added"))
        register_action("watch.mark_changed", _("Watched mark changed"))
        register_action("watch.mark_removed", _("Watched mark removed"))
        register_action("watch.watch_list_loaded", _("Mark watch list loaded"))
        register_action("watch.gazette_imported", _("Trademark gazette imported"))
        register_action("watch.hit_dismissed", _("Similarity hit dismissed"))
        register_action("watch.warning_created", _("Risk warning created"))
        register_action("watch.warning_acted", _("Guidance requested from a risk warning"))
