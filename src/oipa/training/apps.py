from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "oipa.training"
    label = "training"
    verbose_name = _("Training and events")

    def ready(self) -> None:
        from oipa.core.audit.actions import register_action

        for action, label in ACTIONS.items():
            register_action(action, label)


ACTIONS = {
    "training.event_created": _("Event published"),
    "training.capacity_changed": _("Event capacity changed"),
    "training.event_cancelled": _("Event cancelled"),
    "training.material_added": _("Event material added"),
    "training.registered": _("Registered for an event"),
    "training.registration_cancelled": _("Event registration cancelled"),
    "training.promoted": _("Moved up from the waiting list"),
    "training.reminded": _("Event reminder sent"),
    "training.attendance_recorded": _("Attendance recorded"),
    "training.attendance_imported": _("Attendance imported"),
    "training.feedback_given": _("Event feedback given"),
}
