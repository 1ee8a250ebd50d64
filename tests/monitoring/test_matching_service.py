"""Parties matched against monitored enterprises; routing; remembered staff decisions."""

from __future__ import annotations

import pytest

from oipa.accounts.builders import build_organization, make_uscc
from oipa.accounts.models import OrgKind
from oipa.monitoring import matching_service, services, tasks
from oipa.monitoring.importers import spreadsheet
from oipa.monitoring.models import (
    EnterpriseAlias,
    MatchDecision,
    MatchStatus,
    PartyMatch,
    SourceKind,
    WatchedEnterprise,
)
from oipa.monitoring.names import enterprise_names, org_key


def _upload(source, *rows):
    lines = ["reference,title,defendants", *(f"{ref},{ref} case,{names}" for ref, names in rows)]
    return services.import_source(source=source, file="\n".join(lines).encode())


@pytest.fixture
def source(make_source):
    return make_source(SourceKind.SPREADSHEET, "staff-upload")


@pytest.fixture
def xinghe(personas):
    """The Chaoyang persona's enterprise, with its online store as an alias."""
    org = personas["chaoyang"].organization
    services.add_alias(
        actor=personas["chaoyang"], organization=org, name="XingheTech Store", kind="store"
    )
    return org


def test_the_registry_holds_jjj_enterprises_and_the_watch_list_only(personas):
    shanghai = build_organization(
        kind=OrgKind.ENTERPRISE, name="上海某某有限公司", uscc=make_uscc("310104", "MA0AC0001")
    )
    watched = WatchedEnterprise.objects.create(name="天津某某科技有限公司", province_code="12")
    EnterpriseAlias.objects.create(watched=watched, kind="brand", name="MouMou")
    names = enterprise_names()
    assert org_key(shanghai.pk) not in names
    assert org_key(personas["hebei"].organization.pk) in names
    assert names[watched.key] == {"天津某某科技有限公司": "legal", "MouMou": "brand"}
    tianjin = names[org_key(personas["tianjin"].organization.pk)]
    assert tianjin["Tianjin Haigang New Materials Co., Ltd."] == "english"


def test_the_real_engine_finds_a_store_name_with_confidence(source, xinghe):
    run = _upload(source, ("amz-1", "XingheTech Store; Acme Inc."))
    assert tasks.match_run(run.pk) == 1
    match = PartyMatch.objects.get()
    assert match.organization == xinghe
    assert (match.alias, match.alias_kind, match.status) == (
        "XingheTech Store",
        "store",
        MatchStatus.CONFIDENT,
    )
    assert list(PartyMatch.objects.alertable()) == [match]
    assert list(matching_service.confident_matches_for_alerting(run)) == [match]


def test_matching_a_run_twice_creates_nothing_the_second_time(source, xinghe):
    run = _upload(source, ("amz-1", "XingheTech Store"))
    assert tasks.match_run(run.pk) == 1
    assert tasks.match_run(run.pk) == 0
    assert PartyMatch.objects.count() == 1


def test_schedule_a_placeholders_are_not_matched(source, fake_engine):
    run = _upload(
        source,
        ("sa-1", "The Partnerships and Unincorporated Associations Identified on Schedule A"),
    )
    engine = fake_engine({})
    matching_service.match_run(run, engine=engine, threshold=92)
    assert engine.calls == []
    assert run.new_parties.get().matched_at is not None


class TestTheReviewBand:
    @pytest.fixture
    def hebei_key(self, personas):
        return org_key(personas["hebei"].organization.pk)

    def _match(self, source, fake_engine, hebei_key, reference):
        run = _upload(source, (reference, "Yanzhao Electric Co"))
        engine = fake_engine({"Yanzhao Electric Co": [(hebei_key, 85.0)]})
        matching_service.match_run(run, engine=engine, threshold=92)
        return PartyMatch.objects.get(party__dispute__external_id=reference)

    def test_a_middle_score_waits_for_review(self, source, fake_engine, hebei_key):
        match = self._match(source, fake_engine, hebei_key, "c-1")
        assert match.status == MatchStatus.REVIEW
        assert not PartyMatch.objects.alertable().exists()

    def test_a_confirmation_is_remembered_for_the_same_name_and_enterprise(
        self, source, fake_engine, hebei_key, personas
    ):
        first = self._match(source, fake_engine, hebei_key, "c-1")
        services.confirm_match(actor=personas["staff"], match=first)
        first.refresh_from_db()
        assert (first.status, first.decided_by) == (MatchStatus.CONFIRMED, personas["staff"])
        later = self._match(source, fake_engine, hebei_key, "c-2")
        assert later.status == MatchStatus.AUTO_CONFIRMED
        assert later in PartyMatch.objects.alertable()

    def test_a_rejection_is_remembered_and_applied_to_pending_matches(
        self, source, fake_engine, hebei_key, personas
    ):
        first = self._match(source, fake_engine, hebei_key, "c-1")
        pending = self._match(source, fake_engine, hebei_key, "c-2")
        services.reject_match(actor=personas["staff"], match=first)
        pending.refresh_from_db()
        assert pending.status == MatchStatus.AUTO_REJECTED
        assert self._match(source, fake_engine, hebei_key, "c-3").status == (
            MatchStatus.AUTO_REJECTED
        )
        decision = MatchDecision.objects.get()
        assert (decision.party_normalized, decision.verdict) == ("yanzhao electric co", "reject")

    def test_a_decided_match_cannot_be_decided_again(
        self, source, fake_engine, hebei_key, personas
    ):
        from django.core.exceptions import ValidationError

        match = self._match(source, fake_engine, hebei_key, "c-1")
        services.confirm_match(actor=personas["staff"], match=match)
        with pytest.raises(ValidationError):
            services.reject_match(actor=personas["admin"], match=match)

    def test_only_center_staff_decide(self, source, fake_engine, hebei_key, personas):
        from django.core.exceptions import PermissionDenied

        match = self._match(source, fake_engine, hebei_key, "c-1")
        for persona in ("auditor", "hebei", "partner"):
            with pytest.raises(PermissionDenied):
                services.confirm_match(actor=personas[persona], match=match)


def test_the_template_example_names_a_persona_enterprise(source, personas):
    run = services.import_source(source=source, file=spreadsheet.template_csv())
    tasks.match_run(run.pk)
    matched = set(PartyMatch.objects.values_list("organization__name", flat=True))
    assert personas["hebei"].organization.name in matched
