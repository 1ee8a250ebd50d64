"""Reading the pool and a case from the database into the facts `matching.py` ranks.

A fixed number of queries whatever the pool size: profiles with their expertise prefetched,
one aggregate for the load, one query for the track record.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Prefetch, Sum
from django.utils import timezone

from oipa.assistance.models import Application, CaseExpert
from oipa.assistance.workflow import ACTIVE_STATES, Status
from oipa.core.taxonomy.lookups import normalize_ipc

from .matching import CaseFacts, ConcludedCase, ExpertFacts, PoolIndex, Ranking
from .models import (
    ConflictDeclaration,
    ExpertInvitation,
    ExpertProfile,
    InvitationStatus,
    ProfileStatus,
    Unavailability,
)

CONCLUDED_STATES = (Status.CONCLUDED, Status.CLOSED)


def expert_loads(profiles) -> dict[int, int]:
    """Per profile id: cases in guidance plus pending invitations (what counts against capacity)."""
    return loads_by_user({p.user_id: p.pk for p in profiles})


def loads_by_user(users: dict[int, int]) -> dict[int, int]:
    """`expert_loads` for a {user id: profile id} mapping."""
    loads: dict[int, int] = defaultdict(int)
    for row in (
        CaseExpert.objects.filter(expert_id__in=users, application__status__in=ACTIVE_STATES)
        .values("expert_id")
        .annotate(n=Count("pk"))
    ):
        loads[users[row["expert_id"]]] += row["n"]
    for row in (
        ExpertInvitation.objects.filter(
            expert_id__in=users.values(), status=InvitationStatus.PENDING
        )
        .values("expert_id")
        .annotate(n=Count("pk"))
    ):
        loads[row["expert_id"]] += row["n"]
    return loads


def _track_records(user_ids) -> dict[int, list[ConcludedCase]]:
    records: dict[int, list[ConcludedCase]] = defaultdict(list)
    links = CaseExpert.objects.filter(
        expert_id__in=user_ids, application__status__in=CONCLUDED_STATES
    ).select_related("application")
    jurisdictions = defaultdict(list)
    through = Application.jurisdictions.through.objects.filter(
        application__experts__expert_id__in=user_ids,
        application__status__in=CONCLUDED_STATES,
    ).values_list("application_id", "jurisdiction__code")
    for application_id, code in through:
        jurisdictions[application_id].append(code)
    for link in links:
        app = link.application
        records[link.expert_id].append(
            ConcludedCase(
                jurisdictions=tuple(sorted(set(jurisdictions[app.pk]))),
                dispute_type=app.dispute_type,
                ip_types=tuple(app.ip_types or ()),
            )
        )
    return records


def active_profiles():
    """Active profiles with everything the ranking reads, prefetched."""
    today = timezone.localdate()
    return (
        ExpertProfile.objects.filter(status=ProfileStatus.ACTIVE)
        .select_related("user")
        .prefetch_related(
            "jurisdictions",
            "ipc_entries",
            "nice_classes",
            "industries",
            Prefetch(
                "conflicts",
                queryset=ConflictDeclaration.objects.filter(withdrawn_at__isnull=True),
                to_attr="live_conflicts",
            ),
            Prefetch(
                "unavailability",
                queryset=Unavailability.objects.filter(ends_on__gte=today),
                to_attr="current_unavailability",
            ),
        )
        .order_by("pk")
    )


def pool_facts(profiles=None) -> list[ExpertFacts]:
    """Facts of every active expert (or of `profiles`, fetched with `active_profiles`)."""
    profiles = list(active_profiles() if profiles is None else profiles)
    loads = expert_loads(profiles)
    records = _track_records([p.user_id for p in profiles])
    return [
        ExpertFacts(
            id=p.pk,
            name=str(p.user),
            ipc=tuple(e.symbol for e in p.ipc_entries.all()),
            nice=tuple(n.number for n in p.nice_classes.all()),
            jurisdictions=tuple(j.code for j in p.jurisdictions.all()),
            dispute_types=tuple(p.dispute_types or ()),
            ip_types=tuple(p.ip_types or ()),
            languages=tuple(p.languages or ()),
            industries=tuple(i.code for i in p.industries.all()),
            conflicts=tuple((c.kind, c.name) for c in p.live_conflicts),
            unavailable=tuple((u.starts_on, u.ends_on) for u in p.current_unavailability),
            capacity=p.max_concurrent_cases,
            load=loads.get(p.pk, 0),
            record=tuple(records.get(p.user_id, ())),
        )
        for p in profiles
    ]


def _ipc_symbols(codes) -> tuple[str, ...]:
    symbols = []
    for code in codes or ():
        try:
            symbols.append(normalize_ipc(code))
        except ValidationError:
            continue  # an enterprise's free-text code the taxonomy does not know: no credit
    return tuple(dict.fromkeys(symbols))


def party_names(application: Application) -> tuple[str, ...]:
    """Every name on the case: the applicant (Chinese and English) and each party."""
    names = [application.applicant.name, application.applicant.name_en]
    names += [party.name for party in application.parties.all()]
    return tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def case_facts(application: Application) -> CaseFacts:
    """Facts of a case for the ranking."""
    return CaseFacts(
        id=application.pk,
        ipc=_ipc_symbols(application.ipc_codes),
        nice=tuple(int(n) for n in application.nice_classes or ()),
        jurisdictions=tuple(j.code for j in application.jurisdictions.all()),
        dispute_type=application.dispute_type,
        ip_types=tuple(application.ip_types or ()),
        industry=application.industry.code if application.industry else "",
        parties=party_names(application),
    )


def experts_on_case(application: Application) -> set[int]:
    """Profile ids of experts already on the case or with a pending invitation to it."""
    on_case = set(
        ExpertProfile.objects.filter(user__expert_cases__application=application).values_list(
            "pk", flat=True
        )
    )
    on_case |= set(
        ExpertInvitation.objects.filter(
            application=application, status=InvitationStatus.PENDING
        ).values_list("expert_id", flat=True)
    )
    return on_case


_cache: dict = {}


def _pool_version() -> tuple:
    """Changes whenever what the index holds may have changed: every service that edits a
    profile, its conflicts or periods touches `updated_at`; concluded cases change the track
    record. Loads are not part of it (they are refreshed on every use)."""
    profiles = ExpertProfile.objects.filter(status=ProfileStatus.ACTIVE).aggregate(
        n=Count("pk"), last=Max("updated_at"), ids=Sum("pk")
    )
    concluded = CaseExpert.objects.filter(application__status__in=CONCLUDED_STATES).aggregate(
        n=Count("pk"), ids=Sum("pk")
    )
    return (
        timezone.localdate(),
        profiles["n"],
        profiles["last"],
        profiles["ids"],
        concluded["n"],
        concluded["ids"],
    )


def pool_index() -> PoolIndex:
    """The ranking index of the active pool, rebuilt only when the pool changed (per process),
    with fresh loads."""
    version = _pool_version()
    if _cache.get("version") != version:
        profiles = list(active_profiles())
        _cache.update(
            version=version,
            index=PoolIndex(pool_facts(profiles)),
            users={p.user_id: p.pk for p in profiles},
        )
    index: PoolIndex = _cache["index"]
    loads = loads_by_user(_cache["users"])
    index.load = np.array([loads.get(e.id, 0) for e in index.experts], dtype=np.float64)
    return index


def recommend_for_case(application: Application, *, limit: int = 10) -> Ranking:
    """The ranked pool for the case (see `PoolIndex.rank`), as of today."""
    index = pool_index()
    return index.rank(
        case_facts(application),
        on=timezone.localdate(),
        limit=limit,
        on_case=experts_on_case(application),
    )
