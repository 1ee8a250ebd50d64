"""Access matrix: for a model, assert roles × objects × actions over the UI and the API.

Every cell not marked as allowed must answer exactly like a missing object (404), so a hidden
object can never be told apart from one that does not exist. Anonymous users are sent to login
(UI, 302) or refused (API, 403).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Action:
    """One way of touching an object: URL builder, method, and the answers meaning 'allowed'."""

    url: Callable[[Any], str]
    method: str = "get"
    data: Callable[[Any], dict] | None = None
    allowed_status: tuple[int, ...] = (200,)
    api: bool = False
    denied_status: tuple[int, ...] = field(default=(404,))


def assert_access_matrix(
    client,
    *,
    users: dict,
    objects: dict,
    actions: dict[str, Action],
    allowed: dict[str, dict[str, str]],
) -> int:
    """`allowed[user_key][object_key]` lists the action keys (one letter each) the user may
    perform on that object. Returns the number of cells checked; fails with every wrong cell."""
    failures = []
    checked = 0
    for user_key, user in users.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for object_key, obj in objects.items():
            for action_key, action in actions.items():
                checked += 1
                may = action_key in allowed.get(user_key, {}).get(object_key, "")
                status = _perform(client, action, obj)
                if user is None and not may:
                    expected = (403,) if action.api else (302,)
                else:
                    expected = action.allowed_status if may else action.denied_status
                if status not in expected:
                    failures.append(
                        f"{user_key:>12} {action_key} {object_key}: got {status}, "
                        f"expected {expected}"
                    )
    client.logout()
    assert not failures, "access matrix mismatches:\n" + "\n".join(failures)
    return checked


def _perform(client, action: Action, obj) -> int:
    url = action.url(obj)
    data = action.data(obj) if action.data else {}
    if action.method == "get":
        return client.get(url, data).status_code
    return client.post(url, data).status_code
