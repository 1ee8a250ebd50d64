"""Writes the shipped country profiles (published, with their deadline facts).

Idempotent and additive: a jurisdiction that already has a profile is left alone, because editors
may have changed it since. Runs from data migration 0003 (with historical models) and from
`manage.py load_country_profiles`; tests that flush the tables call it again.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils import timezone

from . import eu, gb, jp, kr, others, us

PROFILES: list[dict] = [
    us.PROFILE,
    eu.PROFILE,
    gb.PROFILE,
    jp.PROFILE,
    kr.PROFILE,
    *others.PROFILES,
]
_NOT_FIELDS = {"jurisdiction", "deadlines", "last_reviewed"}


def load_country_profiles(
    models: dict[str, Any] | None = None, using: str = DEFAULT_DB_ALIAS
) -> int:
    """Create the missing shipped profiles; returns how many were created.

    `models` maps "CountryProfile", "DeadlineFact", "ContentVersion", "Jurisdiction" to model
    classes (historical ones in a migration); by default the current models.
    """
    models = models or _current_models()
    profile_model, fact_model = models["CountryProfile"], models["DeadlineFact"]
    version_model, jurisdiction_model = models["ContentVersion"], models["Jurisdiction"]
    jurisdictions = {j.code: j for j in jurisdiction_model.objects.using(using).all()}
    existing = set(profile_model.objects.using(using).values_list("jurisdiction__code", flat=True))
    created = 0
    now = timezone.now()
    with transaction.atomic(using=using):
        for data in PROFILES:
            code = data["jurisdiction"]
            if code in existing or code not in jurisdictions:
                continue
            fields = {k: v for k, v in data.items() if k not in _NOT_FIELDS}
            profile = profile_model(
                jurisdiction=jurisdictions[code],
                status="published",
                published_at=now,
                last_reviewed=datetime.date.fromisoformat(data["last_reviewed"]),
                **fields,
            )
            profile.save(using=using)
            fact_model.objects.using(using).bulk_create(
                [fact_model(profile=profile, **fact) for fact in data["deadlines"]]
            )
            version_model.objects.using(using).create(
                kind="profile",
                item_code=profile.code,
                number=1,
                status="published",
                snapshot={**fields, "jurisdiction": code, "deadlines": data["deadlines"]},
                note="shipped content",
            )
            created += 1
    return created


def _current_models() -> dict[str, Any]:
    from oipa.core.taxonomy.models import Jurisdiction

    from ..models import ContentVersion, CountryProfile, DeadlineFact

    return {
        "CountryProfile": CountryProfile,
        "DeadlineFact": DeadlineFact,
        "ContentVersion": ContentVersion,
        "Jurisdiction": Jurisdiction,
    }
