from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WatchConfig(AppConfig):
    name = "oipa.watch"
    label = "watch"
    verbose_name = _("Risk warning")
