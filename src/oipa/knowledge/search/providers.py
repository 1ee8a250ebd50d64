"""Search providers of the knowledge app: published profiles, cases, guides and bulletins."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.html import strip_tags

from ..models import Bulletin, CountryProfile, Guide, TypicalCase
from .documents import SearchDocument


def _published(queryset: QuerySet, keys: Iterable[str] | None) -> QuerySet:
    queryset = queryset.published()  # type: ignore[attr-defined]
    if keys is not None:
        queryset = queryset.filter(code__in=list(keys))
    return queryset


def _title(item) -> str:
    return " / ".join(t for t in (item.title_zh, item.title_en) if t)


def _text(*parts: str) -> str:
    return "\n".join(strip_tags(part) for part in parts if part)


def profile_documents(keys: Iterable[str] | None = None) -> Iterator[SearchDocument]:
    queryset = _published(CountryProfile.objects.select_related("jurisdiction"), keys)
    for profile in queryset:
        offices = [f"{o.get('name_zh', '')} {o.get('name_en', '')}" for o in profile.offices]
        courts = [f"{c.get('name_zh', '')} {c.get('name_en', '')}" for c in profile.courts]
        yield SearchDocument(
            kind="profile",
            key=str(profile.code),
            title=_title(profile),
            body=_text(
                profile.jurisdiction.title_zh,
                profile.jurisdiction.title_en,
                profile.summary_zh,
                profile.summary_en,
                " ".join(offices + courts),
                profile.body_zh,
                profile.body_en,
                profile.customs_zh,
                profile.customs_en,
                profile.remedies_zh,
                profile.remedies_en,
                profile.tips_zh,
                profile.tips_en,
            ),
            url=reverse("knowledge:profile_detail", kwargs={"code": profile.code}),
            jurisdictions=(profile.jurisdiction.code,),
            published_at=profile.published_at,
        )


def case_documents(keys: Iterable[str] | None = None) -> Iterator[SearchDocument]:
    queryset = _published(TypicalCase.objects.select_related("jurisdiction", "industry"), keys)
    for case in queryset:
        yield SearchDocument(
            kind="case",
            key=str(case.code),
            title=_title(case),
            body=_text(
                case.forum,
                case.parties,
                case.facts_zh,
                case.facts_en,
                case.result_zh,
                case.result_en,
                case.lessons_zh,
                case.lessons_en,
            ),
            url=reverse("knowledge:case_detail", kwargs={"code": case.code}),
            jurisdictions=(case.jurisdiction.code,),
            ip_types=(case.ip_type,),
            industries=(case.industry.code,) if case.industry else (),
            published_at=case.published_at,
        )


def guide_documents(keys: Iterable[str] | None = None) -> Iterator[SearchDocument]:
    queryset = _published(Guide.objects.prefetch_related("jurisdictions", "industries"), keys)
    for guide in queryset:
        yield SearchDocument(
            kind="guide",
            key=str(guide.code),
            title=_title(guide),
            body=_text(guide.summary_zh, guide.summary_en, guide.body_zh, guide.body_en),
            url=reverse("knowledge:guide_detail", kwargs={"code": guide.code}),
            jurisdictions=tuple(j.code for j in guide.jurisdictions.all()),
            ip_types=tuple(guide.ip_types),
            industries=tuple(i.code for i in guide.industries.all()),
            published_at=guide.published_at,
        )


def bulletin_documents(keys: Iterable[str] | None = None) -> Iterator[SearchDocument]:
    queryset = _published(Bulletin.objects.prefetch_related("jurisdictions", "industries"), keys)
    for bulletin in queryset:
        yield SearchDocument(
            kind="bulletin",
            key=str(bulletin.code),
            title=_title(bulletin),
            body=_text(bulletin.body_zh, bulletin.body_en),
            url=reverse("knowledge:bulletin_detail", kwargs={"code": bulletin.code}),
            jurisdictions=tuple(j.code for j in bulletin.jurisdictions.all()),
            ip_types=tuple(bulletin.ip_types),
            industries=tuple(i.code for i in bulletin.industries.all()),
            published_at=bulletin.published_at,
        )
