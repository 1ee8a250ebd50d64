"""Loads the shipped reference data into the taxonomy tables.

The data files in `data/` (and pycountry, for countries) are the source of truth: a sync inserts
missing rows and rewrites titles that differ, and never deletes, because other apps point at these
rows. It runs from data migration 0002 (with historical models) and from `manage.py load_taxonomy`.
"""

from __future__ import annotations

import csv
import gettext
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pycountry
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Model

DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_NAMES = ("Jurisdiction", "NiceClass", "IPCEntry", "Industry")
BATCH_SIZE = 500

# Chinese official usage names these territories as parts of China, where pycountry's zh_CN
# catalogue says "香港" / "中国台湾省".
COUNTRY_ZH_OVERRIDES = {"HK": "中国香港", "MO": "中国澳门", "TW": "中国台湾"}

Row = dict[str, Any]


def read_tsv(name: str) -> list[dict[str, str]]:
    """The rows of a shipped TSV file (first line is the header), as dicts of strings."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def jurisdiction_rows() -> list[Row]:
    """Every ISO 3166-1 country with its Chinese name, followed by the offices in offices.tsv."""
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    rows: list[Row] = [
        {
            "code": country.alpha_2,
            "kind": "country",
            "alpha3": country.alpha_3,
            "numeric": country.numeric,
            "title_en": country.name,
            "title_zh": COUNTRY_ZH_OVERRIDES.get(country.alpha_2) or zh.gettext(country.name),
        }
        for country in pycountry.countries
    ]
    rows += [{**office, "alpha3": "", "numeric": ""} for office in read_tsv("offices.tsv")]
    return rows


def nice_rows() -> list[Row]:
    """The 45 Nice class headings."""
    return [{**row, "number": int(row["number"])} for row in read_tsv("nice.tsv")]


def ipc_rows() -> list[Row]:
    """IPC sections, classes and subclasses, parents before children (no `parent` yet)."""
    levels = {1: "section", 3: "class", 4: "subclass"}
    rows = [{**row, "level": levels[len(row["symbol"])]} for row in read_tsv("ipc.tsv")]
    return sorted(rows, key=lambda row: (len(row["symbol"]), row["symbol"]))


def ipc_parent(symbol: str) -> str | None:
    """The symbol one level up: "H04W" → "H04", "H04" → "H", "H" → None."""
    return {1: None, 3: symbol[:1], 4: symbol[:3]}[len(symbol)]


def industry_rows() -> list[Row]:
    """The 20 sections of GB/T 4754-2017."""
    return read_tsv("industries.tsv")


def sync_reference_data(
    *, models: Mapping[str, type[Model]] | None = None, using: str = DEFAULT_DB_ALIAS
) -> dict[str, int]:
    """Upsert every taxonomy table from the shipped data; returns created/updated counts.

    `models` maps the names in MODEL_NAMES to model classes (pass historical models from a
    migration); by default the current ones. Keys of the result are "<table>_created" and
    "<table>_updated" plus the totals "created" and "updated"; a second run returns zeros.
    `Jurisdiction.is_active` is set on creation only, so an administrator's choice survives.
    """
    models = models or _current_models()
    counts: dict[str, int] = {}
    with transaction.atomic(using=using):
        tables: list[tuple[str, type[Model], str, list[Row], tuple[str, ...]]] = [
            ("jurisdiction", models["Jurisdiction"], "code", jurisdiction_rows(), ("is_active",)),
            ("nice", models["NiceClass"], "number", nice_rows(), ()),
            ("industry", models["Industry"], "code", industry_rows(), ()),
        ]
        for table, model, key, rows, create_only in tables:
            created, updated = _upsert(model, key, rows, using, create_only=create_only)
            counts[f"{table}_created"], counts[f"{table}_updated"] = created, updated
        counts["ipc_created"], counts["ipc_updated"] = _sync_ipc(models["IPCEntry"], using)
    counts["created"] = sum(v for k, v in counts.items() if k.endswith("_created"))
    counts["updated"] = sum(v for k, v in counts.items() if k.endswith("_updated"))
    _clear_lookup_caches()
    return counts


def _sync_ipc(model: type[Model], using: str) -> tuple[int, int]:
    """Sections, then classes, then subclasses, so each level can point at its parent's id."""
    created = updated = 0
    rows = ipc_rows()
    for length in (1, 3, 4):
        ids = dict(model._default_manager.db_manager(using).values_list("symbol", "id"))
        level_rows = [
            {**row, "parent_id": ids.get(ipc_parent(row["symbol"]) or "")}
            for row in rows
            if len(row["symbol"]) == length
        ]
        level_created, level_updated = _upsert(model, "symbol", level_rows, using)
        created, updated = created + level_created, updated + level_updated
    return created, updated


def _upsert(
    model: type[Model], key: str, rows: list[Row], using: str, *, create_only: tuple[str, ...] = ()
) -> tuple[int, int]:
    """Bulk-insert rows missing by `key` and bulk-update the fields that differ.

    Columns the model lacks are dropped, so the historical models of migration 0002 keep working
    when later versions of the data files carry more columns.
    """
    fields = {field.attname for field in model._meta.concrete_fields}
    rows = [{f: v for f, v in row.items() if f in fields} for row in rows]
    manager = model._default_manager.db_manager(using)
    existing = {getattr(obj, key): obj for obj in manager.all()}
    to_create: list[Model] = []
    to_update: list[Model] = []
    changed_fields: set[str] = set()
    for row in rows:
        obj = existing.get(row[key])
        if obj is None:
            to_create.append(model(**row))
            continue
        changed = [f for f, v in row.items() if f not in create_only and getattr(obj, f) != v]
        for field in changed:
            setattr(obj, field, row[field])
        if changed:
            to_update.append(obj)
            changed_fields.update(changed)
    manager.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update:
        manager.bulk_update(to_update, sorted(changed_fields), batch_size=BATCH_SIZE)
    return len(to_create), len(to_update)


def _current_models() -> dict[str, type[Model]]:
    from django.apps import apps

    return {name: apps.get_model("taxonomy", name) for name in MODEL_NAMES}


def _clear_lookup_caches() -> None:
    from .lookups import clear_caches

    clear_caches()
