"""Joint-response offers: staff propose one to a co-defendant group, the enterprises' members
are told once, and each starts one prefilled draft with a single click."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from oipa.assistance import services as assistance
from oipa.assistance.models import Application, JointGuidance
from oipa.core.audit.models import AuditEvent
from oipa.core.notifications.models import Notification
from oipa.monitoring.groups import co_defendant_groups, propose_joint_response
from oipa.monitoring.models import JointResponseOffer, SourceKind, WatchedEnterprise
from tests.monitoring.dispute_builders import build_dispute, orgs


@pytest.fixture
def source(make_source):
    return make_source(SourceKind.PACER_RSS, "ilnd-rss", name="PACER RSS")


@pytest.fixture
def group(source, personas):
    build_dispute(
        source, "1001", defendants=orgs(personas, "chaoyang", "tianjin"), filed_on=date(2026, 3, 2)
    )
    [found] = co_defendant_groups()
    return found


@pytest.fixture
def offer(group, personas):
    return propose_joint_response(actor=personas["staff"], group=group)


def _start(client, user, offer):
    client.force_login(user)
    return client.post(reverse("monitoring:joint_response", args=[offer.code]))


def test_proposing_records_the_offer_and_notifies_each_member_once(group, personas, offer):
    assert offer.jjj
    assert set(offer.organizations.all()) == set(orgs(personas, "chaoyang", "tianjin"))
    notified = Notification.objects.filter(event_key=f"monitoring.joint_response:{offer.code}")
    assert {n.recipient for n in notified} == {personas["chaoyang"], personas["tianjin"]}
    assert AuditEvent.objects.filter(action="monitoring.joint_response_offered").count() == 1
    again = propose_joint_response(actor=personas["admin"], group=group)
    assert again == offer
    assert notified.count() == 2


def test_only_center_staff_may_propose(group, personas):
    for persona in ("auditor", "chaoyang", "partner"):
        with pytest.raises(PermissionDenied):
            propose_joint_response(actor=personas[persona], group=group)
    assert not JointResponseOffer.objects.exists()


def test_a_group_of_watch_list_enterprises_only_cannot_be_offered(source, personas):
    watched = [
        WatchedEnterprise.objects.create(name=name, province_code="11") for name in ("甲", "乙")
    ]
    build_dispute(source, "2001", defendants=watched, filed_on=date(2026, 3, 2))
    [group] = co_defendant_groups()
    with pytest.raises(ValidationError):
        propose_joint_response(actor=personas["staff"], group=group)


def test_the_propose_button_creates_the_offer(client, group, personas):
    client.force_login(personas["staff"])
    response = client.post(reverse("monitoring:group_propose", args=[group.key]))
    assert response.status_code == 302
    assert JointResponseOffer.objects.get().group_key == group.key


def test_outsiders_and_auditors_cannot_propose(client, group, personas):
    for persona in ("auditor", "chaoyang", "district"):
        client.force_login(personas[persona])
        response = client.post(reverse("monitoring:group_propose", args=[group.key]))
        assert response.status_code == 404
    assert not JointResponseOffer.objects.exists()


def test_one_click_starts_a_prefilled_draft_naming_the_co_defendants(client, personas, offer):
    response = _start(client, personas["chaoyang"], offer)
    draft = Application.objects.get(applicant=personas["chaoyang"].organization)
    assert response.url == reverse("assistance:application_edit", args=[draft.code])
    assert draft.status == "draft"
    assert draft.dispute_type == "litigation"
    assert draft.our_role == "defendant"
    assert draft.ip_types == ["trademark"]
    assert draft.case_numbers == "1:26-cv-1001"
    assert draft.forum == "N.D. Illinois"
    assert [j.code for j in draft.jurisdictions.all()] == ["US"]
    parties = {(p.kind, p.name, p.uscc, p.province) for p in draft.parties.all()}
    tianjin = personas["tianjin"].organization
    assert ("co_party", tianjin.name, tianjin.uscc, "12") in parties
    assert ("counterparty", "Acme Audio LLC", "", "") in parties


def test_clicking_again_returns_the_same_draft(client, personas, offer):
    first = _start(client, personas["chaoyang"], offer)
    second = _start(client, personas["chaoyang"], offer)
    assert first.url == second.url
    assert Application.objects.filter(applicant=personas["chaoyang"].organization).count() == 1


def test_each_offered_enterprise_gets_its_own_draft(client, personas, offer):
    _start(client, personas["chaoyang"], offer)
    _start(client, personas["tianjin"], offer)
    assert Application.objects.count() == 2
    assert offer.drafts.count() == 2


def test_the_beijing_draft_submitted_proposes_jjj_joint_guidance(client, personas, offer):
    _start(client, personas["chaoyang"], offer)
    draft = Application.objects.get(applicant=personas["chaoyang"].organization)
    enterprise = personas["chaoyang"]
    assistance.save_draft(
        actor=enterprise, application=draft, help_wanted="应诉策略", consent_data_use=True
    )
    submitted = assistance.submit_application(actor=enterprise, application=draft)
    assert submitted.joint_guidance == JointGuidance.PROPOSED


def test_the_offer_page_shows_the_disputes_to_offered_members(client, personas, offer):
    client.force_login(personas["tianjin"])
    page = client.get(reverse("monitoring:joint_response", args=[offer.code]))
    assert page.status_code == 200
    assert "1:26-cv-1001" in page.content.decode()


def test_everyone_else_gets_404_on_the_offer(client, personas, offer):
    url = reverse("monitoring:joint_response", args=[offer.code])
    for persona in ("hebei", "haidian", "staff", "partner", "association"):
        client.force_login(personas[persona])
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert not Application.objects.exists()


def test_the_groups_page_shows_the_offer_instead_of_the_button(client, personas, offer):
    client.force_login(personas["staff"])
    body = client.get(reverse("monitoring:group_list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Joint response offered on" in body
    assert reverse("monitoring:group_propose", args=[offer.group_key]) not in body
