"""Every write of the squatting watch. Each function takes `actor=` first (a User, or None for
the system's scheduled work where allowed), checks the actor's right (PermissionDenied), validates
input (ValidationError with a localized message) and writes an audit event."""

from .hits import dismiss_hit, match_run
from .imports import import_gazette
from .marks import add_watched_mark, load_watch_list, remove_watched_mark, update_watched_mark
from .warnings import apply_for_guidance, mark_warning_read

__all__ = [
    "add_watched_mark",
    "apply_for_guidance",
    "dismiss_hit",
    "import_gazette",
    "load_watch_list",
    "mark_warning_read",
    "match_run",
    "remove_watched_mark",
    "update_watched_mark",
]
