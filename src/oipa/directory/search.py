"""The directory's search providers, and the hook that keeps the index in step.

The knowledge app's index (`oipa.knowledge.search.index.PROVIDERS`) calls the providers; they
yield only public listings (listed institutions and bodies), so a withdrawn or unreviewed listing
leaves the index when it is re-read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from uuid import UUID

from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation

from oipa.core.taxonomy.choices import DisputeType
from oipa.knowledge.search.documents import SearchDocument
from oipa.knowledge.search.index import update_documents

from .models import BodyKind, Institution, InstitutionKind, Language, MediationBody, Service


def reindex_on_commit(kind: str, code: UUID | str) -> None:
    """Re-read one listing into the search index once the current transaction commits."""
    key = str(code)
    transaction.on_commit(lambda: update_documents(kind, [key]))


def _selected(queryset: QuerySet, keys: Iterable[str] | None) -> QuerySet:
    queryset = queryset.public()  # type: ignore[attr-defined]
    if keys is not None:
        queryset = queryset.filter(code__in=[_uuid(key) for key in keys if _uuid(key)])
    return queryset


def _uuid(key: str) -> UUID | None:
    try:
        return UUID(str(key))
    except ValueError:
        return None


def _title(item) -> str:
    return " / ".join(name for name in (item.name_zh, item.name_en) if name)


def _both(label) -> str:
    """A choice label in English and Chinese, so either language finds it."""
    texts = []
    for language in ("en", "zh-hans"):
        with translation.override(language):
            texts.append(str(label))
    return " ".join(dict.fromkeys(texts))


def _text(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def institution_documents(keys: Iterable[str] | None = None) -> Iterator[SearchDocument]:
    """One document per listed institution (all when `keys` is None)."""
    queryset = _selected(Institution.objects.prefetch_related("countries"), keys)
    for item in queryset.order_by("pk"):
        countries = list(item.countries.all())
        services = [Service(code).label for code in item.services if code in Service.values]
        languages = [Language(c).label for c in item.languages if c in Language.values]
        yield SearchDocument(
            kind="institution",
            key=str(item.code),
            title=_title(item),
            body=_text(
                _both(InstitutionKind(item.kind).label),
                " ".join(_both(label) for label in services),
                " ".join(f"{j.title_zh} {j.title_en}" for j in countries),
                " ".join(_both(label) for label in languages),
                " ".join(partner["name"] for partner in item.partners),
                item.description,
                item.address,
            ),
            url=reverse("directory:institution_detail", args=[item.code]),
            jurisdictions=tuple(j.code for j in countries),
            published_at=item.listed_at,
        )


def mediation_body_documents(keys: Iterable[str] | None = None) -> Iterator[SearchDocument]:
    """One document per listed mediation or arbitration body (all when `keys` is None)."""
    queryset = _selected(MediationBody.objects.prefetch_related("jurisdictions"), keys)
    for body in queryset.order_by("pk"):
        jurisdictions = list(body.jurisdictions.all())
        types = [DisputeType(c).label for c in body.dispute_types if c in DisputeType.values]
        yield SearchDocument(
            kind="mediation_body",
            key=str(body.code),
            title=_title(body),
            body=_text(
                _both(BodyKind(body.kind).label),
                " ".join(_both(label) for label in types),
                " ".join(f"{j.title_zh} {j.title_en}" for j in jurisdictions),
                body.description,
                body.address,
            ),
            url=reverse("directory:mediation_body_detail", args=[body.code]),
            jurisdictions=tuple(j.code for j in jurisdictions),
            published_at=body.updated_at,
        )
