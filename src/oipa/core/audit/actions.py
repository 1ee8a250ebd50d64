"""Human labels of audit actions, registered by the apps that record them.

An app registers its actions once, typically in its `AppConfig.ready()`:

    register_action("assistance.application_submitted", _("Application submitted"))

Unregistered actions are shown as their raw dotted string.
"""

from __future__ import annotations

from django.utils.functional import Promise

ACTION_LABELS: dict[str, str | Promise] = {}


def register_action(action: str, label: str | Promise) -> None:
    """Register (or replace) the label shown for `action`; pass a gettext_lazy string."""
    if not action or "." not in action:
        raise ValueError(f"audit action must be a dotted name like 'app.verb_object': {action!r}")
    ACTION_LABELS[action] = label


def action_label(action: str) -> str:
    """The translated label of `action`, or `action` itself when none is registered."""
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action
