"""Submission: eligibility (Art. 12), completeness, joint guidance (Art. 5), idempotent drafts
and case numbers."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.utils import timezone, translation

from oipa.accounts.builders import build_member, make_uscc
from oipa.accounts.models import Role
from oipa.assistance import services
from oipa.assistance.builders import build_application, draft_fields
from oipa.assistance.models import Application, JointGuidance
from oipa.assistance.workflow import Status
from oipa.core.audit.models import AuditEvent
from oipa.core.notifications.models import Notification

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
TIANJIN_USCC = make_uscc("120116", "MA05TJ8C2")


def _saved(application: Application) -> dict:
    application.refresh_from_db()
    fields = model_to_dict(application, exclude=["jurisdictions", "supervisors", "partner_centers"])
    fields["parties"] = list(application.parties.values_list("kind", "name", "uscc", "country"))
    fields["jurisdictions"] = list(application.jurisdictions.values_list("code", flat=True))
    return fields


class TestEligibility:
    @pytest.mark.parametrize(("persona", "partner_fixture"), [("tianjin", None), ("hebei", "h")])
    def test_it_refuses_a_non_beijing_applicant_and_names_the_partner_center(
        self, personas, hebei_partner, persona, partner_fixture
    ):
        partner = hebei_partner if partner_fixture else personas["partner"].membership.organization
        draft = build_application(actor=personas[persona], submit=False)
        before = _saved(draft)

        with pytest.raises(ValidationError) as info:
            services.submit_application(actor=personas[persona], application=draft)

        assert info.value.code == "not_beijing"
        assert partner.name in info.value.messages[0]
        assert _saved(draft) == before
        assert before["status"] == Status.DRAFT
        assert before["title"] and before["parties"] and before["jurisdictions"] == ["US"]

    def test_it_points_elsewhere_when_no_partner_center_serves_the_province(self, personas):
        draft = build_application(actor=personas["hebei"], submit=False)

        with pytest.raises(ValidationError) as info, translation.override("en"):
            services.submit_application(actor=personas["hebei"], application=draft)

        with translation.override("en"):
            message = info.value.messages[0]
        assert "Tianjin" not in message
        assert "province where your enterprise is registered" in message

    def test_a_beijing_applicant_is_eligible(self, personas):
        application = build_application(actor=personas["haidian"])

        assert application.status == Status.SUBMITTED


class TestCompleteness:
    def test_it_lists_missing_fields_and_keeps_the_draft(self, personas):
        draft = services.create_draft(actor=personas["chaoyang"], title="只写了标题")

        with pytest.raises(ValidationError) as info:
            services.submit_application(actor=personas["chaoyang"], application=draft)

        errors = info.value.message_dict
        assert {"dispute_type", "description", "parties", "consent_data_use"} <= set(errors)
        draft.refresh_from_db()
        assert (draft.status, draft.title) == (Status.DRAFT, "只写了标题")

    def test_it_refuses_a_response_deadline_in_the_past(self, personas):
        yesterday = timezone.localdate() - timedelta(days=1)
        draft = build_application(
            actor=personas["chaoyang"], submit=False, response_deadline=yesterday
        )

        with pytest.raises(ValidationError) as info:
            services.submit_application(actor=personas["chaoyang"], application=draft)

        assert "response_deadline" in info.value.message_dict

    def test_a_warning_letter_keeps_no_court_fields(self, personas):
        draft = build_application(
            actor=personas["chaoyang"], submit=False, dispute_type="warning_letter"
        )

        assert (draft.forum, draft.case_numbers, draft.hearing_on) == ("", "", None)
        assert draft.served_on is not None

    def test_an_invalid_party_uscc_is_a_field_error_and_nothing_is_saved(self, personas):
        draft = build_application(actor=personas["chaoyang"], submit=False)
        bad = [{"kind": "co_party", "name": "某公司", "uscc": "91110000XXXXXXXX"}]

        with pytest.raises(ValidationError) as info:
            services.save_draft(actor=personas["chaoyang"], application=draft, parties=bad)

        assert "parties" in info.value.message_dict
        assert draft.parties.get().name == "Acme Audio LLC"


class TestJointGuidance:
    def test_a_tianjin_co_party_proposes_it_and_opens_the_case_to_the_tianjin_center(
        self, personas
    ):
        partner = personas["partner"]
        assert partner.membership.organization.division_code == "120000"
        parties = [
            {"kind": "counterparty", "name": "Acme Audio LLC", "country": "US"},
            {"kind": "co_party", "name": "天津海港新材料有限公司", "uscc": TIANJIN_USCC},
        ]

        application = build_application(actor=personas["chaoyang"], parties=parties)

        assert application.joint_guidance == JointGuidance.PROPOSED
        assert list(application.partner_centers.all()) == [partner.membership.organization]
        assert Application.objects.visible_to(partner).get() == application
        assert Notification.objects.filter(recipient=partner).count() == 1
        assert AuditEvent.objects.filter(action="assistance.joint_guidance_proposed").exists()

    def test_staff_confirm_it_and_the_partner_keeps_read_access(self, personas):
        parties = [
            {"kind": "counterparty", "name": "Acme", "country": "US"},
            {"kind": "co_party", "name": "天津海港", "uscc": TIANJIN_USCC},
        ]
        application = build_application(actor=personas["chaoyang"], parties=parties)

        services.confirm_joint_guidance(actor=personas["staff"], application=application)

        application.refresh_from_db()
        assert application.joint_guidance == JointGuidance.CONFIRMED
        assert Application.objects.visible_to(personas["partner"]).count() == 1
        assert Notification.objects.filter(recipient=personas["partner"]).count() == 2
        with pytest.raises(ValidationError) as info:
            services.confirm_joint_guidance(actor=personas["staff"], application=application)
        assert info.value.code == "not_proposed"

    def test_a_beijing_only_case_is_not_proposed_nor_visible_to_partners(self, personas):
        application = build_application(actor=personas["chaoyang"])

        assert application.joint_guidance == JointGuidance.NONE
        assert not Application.objects.visible_to(personas["partner"]).exists()

    def test_staff_propose_it_for_major_impact_with_the_hebei_center(
        self, personas, hebei_partner, submitted
    ):
        hebei_staff = build_member(
            organization=hebei_partner, role=Role.PARTNER_STAFF, email="hb@test.oipa.cn"
        )

        services.propose_joint_guidance(
            actor=personas["staff"],
            application=submitted,
            partner_centers=[hebei_partner],
            major_impact=True,
        )

        submitted.refresh_from_db()
        assert submitted.joint_guidance == JointGuidance.PROPOSED
        assert submitted.major_jjj_impact is True
        assert Application.objects.visible_to(hebei_staff).get() == submitted
        assert not Application.objects.visible_to(personas["partner"]).exists()
        assert Notification.objects.filter(recipient=hebei_staff).count() == 1

    def test_it_refuses_a_proposal_without_a_partner_center(self, personas, submitted):
        other = personas["chaoyang"].membership.organization

        with pytest.raises(ValidationError):
            services.propose_joint_guidance(
                actor=personas["staff"], application=submitted, partner_centers=[other]
            )


class TestIdempotency:
    def test_creating_a_draft_twice_with_one_key_makes_one_application(self, personas):
        key = uuid.uuid4()
        first = services.create_draft(actor=personas["chaoyang"], idempotency_key=key, title="a")
        second = services.create_draft(actor=personas["chaoyang"], idempotency_key=key, title="b")

        assert first.pk == second.pk
        assert Application.objects.count() == 1
        assert AuditEvent.objects.filter(action="assistance.application_created").count() == 1

    def test_another_enterprise_may_use_the_same_key(self, personas):
        key = uuid.uuid4()
        services.create_draft(actor=personas["chaoyang"], idempotency_key=key)
        services.create_draft(actor=personas["haidian"], idempotency_key=key)

        assert Application.objects.count() == 2

    def test_submitting_twice_is_refused_and_keeps_one_number(self, personas, submitted):
        with pytest.raises(ValidationError) as info:
            services.submit_application(actor=personas["chaoyang"], application=submitted)

        assert info.value.code == "invalid_transition"
        assert Application.objects.exclude(number="").count() == 1


NUMBER = re.compile(r"^京海援〔(\d{4})〕(\d{4})号$")


class TestCaseNumbers:
    def test_they_run_in_sequence_per_year_and_restart_in_a_new_year(self, personas):
        numbers = []
        with time_machine.travel(datetime(2026, 12, 30, 10, tzinfo=SHANGHAI), tick=False):
            for persona in ["chaoyang", "haidian", "chaoyang"]:
                numbers.append(build_application(actor=personas[persona]).number)
        with time_machine.travel(datetime(2027, 1, 4, 9, tzinfo=SHANGHAI), tick=False):
            numbers.append(build_application(actor=personas["haidian"]).number)

        assert numbers == [
            "京海援〔2026〕0001号",
            "京海援〔2026〕0002号",
            "京海援〔2026〕0003号",
            "京海援〔2027〕0001号",
        ]
        assert all(NUMBER.match(n) for n in numbers)
        assert len(set(Application.objects.values_list("number", flat=True))) == 4

    def test_a_refused_submission_uses_no_number(self, personas):
        refused = build_application(actor=personas["tianjin"], submit=False)
        with pytest.raises(ValidationError):
            services.submit_application(actor=personas["tianjin"], application=refused)

        application = build_application(actor=personas["chaoyang"])

        assert NUMBER.match(application.number).group(2) == "0001"

    def test_a_reopened_case_keeps_its_number(self, personas, make_case):
        application = make_case("declined")
        number = application.number

        services.reopen_application(actor=personas["staff"], application=application, reason="r")

        application.refresh_from_db()
        assert application.number == number


def test_draft_fields_are_a_complete_application(personas):
    assert set(draft_fields()) >= {"title", "parties", "jurisdictions", "consent_data_use"}
