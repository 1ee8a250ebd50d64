"""Who may apply, against which case, and within the yearly cap."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from oipa.accounts.builders import build_member, build_organization, make_uscc
from oipa.accounts.models import OrgKind, Role
from oipa.assistance.builders import build_application
from oipa.funding import services
from oipa.funding.builders import build_funding_application, build_programme
from oipa.funding.models import FundingStatus

pytestmark = pytest.mark.django_db


def test_an_enterprise_applies_against_its_concluded_case(personas, programme, concluded):
    application = services.create_funding_application(
        actor=personas["chaoyang"], programme=programme, case=concluded
    )
    assert application.status == FundingStatus.DRAFT
    assert application.applicant == concluded.applicant


def test_a_case_the_center_has_not_accepted_cannot_be_funded(personas, programme):
    submitted = build_application(actor=personas["chaoyang"])
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.create_funding_application(
            actor=personas["chaoyang"], programme=programme, case=submitted
        )
    assert "only for cases the Center has accepted" in info.value.message_dict["case"][0]


def test_another_enterprise_cannot_apply_on_someone_elses_case(personas, programme, concluded):
    with pytest.raises(PermissionDenied):
        services.create_funding_application(
            actor=personas["haidian"], programme=programme, case=concluded
        )


def test_an_individual_business_is_not_eligible():
    org = build_organization(
        kind=OrgKind.ENTERPRISE, name="个体户", uscc=make_uscc("110105", "MA0GT1234", prefix="92")
    )
    with translation.override("en"):
        assert "Individual businesses are not eligible" in services.eligibility_problem(org)


def test_an_organization_outside_beijing_is_not_eligible(personas):
    with translation.override("en"):
        problem = services.eligibility_problem(personas["tianjin"].membership.organization)
    assert problem == "Only organizations domiciled in Beijing may apply."


def test_a_closed_programme_refuses_applications(personas, concluded):
    from datetime import timedelta

    from django.utils import timezone

    past = timezone.localdate() - timedelta(days=10)
    closed = build_programme(
        actor=personas["staff"], opens_on=past - timedelta(days=30), closes_on=past
    )
    with pytest.raises(ValidationError) as info:
        services.create_funding_application(
            actor=personas["chaoyang"], programme=closed, case=concluded
        )
    assert info.value.code == "closed"


def test_a_programme_for_other_kinds_of_case_refuses(personas, concluded):
    itc = build_programme(actor=personas["staff"], dispute_types=["itc_337"])
    with pytest.raises(ValidationError):
        services.create_funding_application(
            actor=personas["chaoyang"], programme=itc, case=concluded
        )


def test_an_empty_application_cannot_be_submitted(personas, programme, concluded):
    draft = build_funding_application(
        actor=personas["chaoyang"], programme=programme, case=concluded
    )
    with pytest.raises(ValidationError) as info:
        services.submit_funding_application(actor=personas["chaoyang"], application=draft)
    assert info.value.code == "no_items"


def test_an_over_cap_request_is_refused_and_the_draft_kept(personas, concluded, usd):
    small = build_programme(actor=personas["staff"], cap_per_applicant=Decimal("3000.00"))
    draft = build_funding_application(
        actor=personas["chaoyang"],
        programme=small,
        case=concluded,
        items=[{"amount": "1000.00", "currency": "USD"}],  # 7123.40 CNY → 3561.70 requested
    )
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.submit_funding_application(actor=personas["chaoyang"], application=draft)
    assert info.value.code == "over_cap"
    assert "(3561.70 CNY) exceeds what remains of the cap" in info.value.messages[0]
    draft.refresh_from_db()
    assert draft.status == FundingStatus.DRAFT and draft.items.count() == 1


def test_a_member_of_the_enterprise_who_is_not_its_admin_may_apply(personas, programme, concluded):
    colleague = build_member(
        organization=concluded.applicant, role=Role.ENTERPRISE_MEMBER, email="c2@test.oipa.cn"
    )
    assert services.create_funding_application(actor=colleague, programme=programme, case=concluded)
