"""Keeping the search index in step with the public content.

Providers (`PROVIDERS`, kind → dotted path of `(keys=None) -> Iterator[SearchDocument]`) yield only
public objects, so the index never holds a draft and a public search never shows one. The engine's
own tables (FTS5 on SQLite, a generated tsvector column on PostgreSQL) follow `SearchEntry` rows by
themselves (see migration 0002), so writing here is plain ORM on both backends.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from django.db import transaction
from django.utils.module_loading import import_string

from ..models import SearchEntry
from .documents import SearchDocument
from .segment import index_text

logger = logging.getLogger(__name__)

Provider = Callable[..., Iterator[SearchDocument]]

PROVIDERS: dict[str, str] = {
    "profile": "oipa.knowledge.search.providers.profile_documents",
    "case": "oipa.knowledge.search.providers.case_documents",
    "guide": "oipa.knowledge.search.providers.guide_documents",
    "bulletin": "oipa.knowledge.search.providers.bulletin_documents",
    "institution": "oipa.directory.search.institution_documents",
    "mediation_body": "oipa.directory.search.mediation_body_documents",
}
BATCH = 500


def provider_for(kind: str) -> Provider | None:
    """The provider callable of `kind`; None when unknown or its module is not installed."""
    path = PROVIDERS.get(kind)
    if path is None:
        return None
    try:
        return import_string(path)
    except ImportError:
        logger.warning("search provider %s for %r is not available", path, kind)
        return None


def update_documents(kind: str, keys: Iterable[str]) -> None:
    """Re-read `keys` of `kind` through its provider; keys it does not yield leave the index.

    Call it in `transaction.on_commit` after a publish, unpublish, edit or delete.
    """
    keys = [str(key) for key in keys]
    provider = provider_for(kind)
    if not keys or provider is None:
        return
    documents = [doc for doc in provider(keys) if doc.kind == kind]
    with transaction.atomic():
        SearchEntry.objects.filter(kind=kind, key__in=keys).delete()
        SearchEntry.objects.bulk_create([entry_for(doc) for doc in documents], batch_size=BATCH)


def rebuild_index() -> int:
    """Replace the whole index with every provider's public documents; returns how many."""
    total = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for kind in PROVIDERS:
            provider = provider_for(kind)
            if provider is not None:
                total += index_documents(provider(None))
    return total


def index_documents(documents: Iterable[SearchDocument]) -> int:
    """Add documents (not yet in the index) in batches; returns how many were written."""
    batch: list[SearchEntry] = []
    total = 0
    for doc in documents:
        batch.append(entry_for(doc))
        if len(batch) >= BATCH:
            SearchEntry.objects.bulk_create(batch)
            total, batch = total + len(batch), []
    if batch:
        SearchEntry.objects.bulk_create(batch)
        total += len(batch)
    return total


def entry_for(doc: SearchDocument) -> SearchEntry:
    """The index row of one document, with its segmented text and facet columns."""
    return SearchEntry(
        kind=doc.kind,
        key=doc.key,
        title=doc.title,
        body=doc.body,
        url=doc.url,
        jurisdictions=_facet(doc.jurisdictions),
        ip_types=_facet(doc.ip_types),
        industries=_facet(doc.industries),
        published_at=doc.published_at,
        title_tokens=index_text(doc.title),
        body_tokens=index_text(doc.body),
    )


def _facet(codes: Iterable[str]) -> str:
    codes = [code for code in codes if code]
    return "|" + "|".join(codes) + "|" if codes else ""


def schedule_update(kind: str, key: str) -> None:
    """Queue `update_documents(kind, [key])` for after the current transaction commits."""
    transaction.on_commit(lambda: update_documents(kind, [key]))
