"""What each feature app adds to the shared pages: navigation links, home cards, demo data, API.

A feature app opts in by defining, in its own modules:

- ``oipa.<app>.navigation.nav_items(user, membership) -> list[NavItem]`` and
  ``oipa.<app>.navigation.home_cards(user, membership) -> list[Card]`` (``membership`` is ``None``
  for visitors and for users without an active membership);
- ``oipa.<app>.demo.build_demo(people: dict[str, User]) -> int``, idempotent, returning how many
  objects it created (``people`` are the demo personas by local part, e.g. ``"staff"``);
- ``oipa.<app>.api.ROUTES``: ``[(prefix, viewset, basename), ...]`` for the v1 API router.

Modules are looked up once per process, so the shared templates and commands stay ignorant of
which features are installed.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

from django.utils.functional import Promise

# Order is the order of links in the navigation and of cards on the home page.
FEATURE_APPS = (
    "monitoring",
    "experts",
    "watch",
    "knowledge",
    "directory",
    "leads",
    "training",
    "funding",
    "enterprises",
)


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url: str


@cache
def _module(app: str, name: str) -> ModuleType | None:
    dotted = f"oipa.{app}.{name}"
    if importlib.util.find_spec(dotted) is None:
        return None
    return importlib.import_module(dotted)


def _each(name: str, attr: str):
    for app in FEATURE_APPS:
        module = _module(app, name)
        if module is not None and hasattr(module, attr):
            yield getattr(module, attr)


def nav_items(user, membership) -> list[NavItem]:
    """Links the feature apps offer this user, in FEATURE_APPS order."""
    return [item for fn in _each("navigation", "nav_items") for item in fn(user, membership)]


def home_cards(user, membership) -> list[Any]:
    """Home-page cards the feature apps offer this user."""
    return [card for fn in _each("navigation", "home_cards") for card in fn(user, membership)]


def build_demo(people: dict) -> dict[str, int]:
    """Run every feature app's demo builder; returns created counts by app."""
    created = {}
    for app in FEATURE_APPS:
        module = _module(app, "demo")
        if module is not None and hasattr(module, "build_demo"):
            created[app] = module.build_demo(people)
    return created


def api_routes() -> list[tuple[str, Any, str]]:
    """(prefix, viewset, basename) triples the feature apps add to the v1 API."""
    return [route for routes in _each("api", "ROUTES") for route in routes]
