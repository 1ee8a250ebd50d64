"""Every write on events and registrations, one function per use case (see each module)."""

from .attendance import give_feedback, import_attendance, record_attendance
from .events import add_material, cancel_event, change_capacity, create_event
from .registrations import cancel_registration, register_for_event, send_due_reminders

__all__ = [
    "add_material",
    "cancel_event",
    "cancel_registration",
    "change_capacity",
    "create_event",
    "give_feedback",
    "import_attendance",
    "record_attendance",
    "register_for_event",
    "send_due_reminders",
]
