"""An assigned expert records consultations and written opinions on the case from the desk."""

from __future__ import annotations

from django.urls import reverse

from oipa.assistance.builders import pdf_upload
from oipa.assistance.models import GuidanceRecord
from oipa.experts import services


def _assigned(case, expert_profile, staff, personas):
    invitation = services.invite_expert(actor=staff, application=case, profile=expert_profile)
    services.accept_invitation(actor=personas["expert"], invitation=invitation, no_conflict=True)


def test_the_expert_records_a_consultation_and_an_opinion(
    client, case, expert_profile, staff, personas
):
    _assigned(case, expert_profile, staff, personas)
    client.force_login(personas["expert"])
    today = case.created_at.date().isoformat()
    response = client.post(
        reverse("experts:record_consultation", args=[case.code]),
        {"held_on": today, "summary": "分析337调查应诉策略", "attendees": "钱专家、陈朝阳"},
    )
    assert response.url == reverse("assistance:application_detail", args=[case.code])
    client.post(
        reverse("experts:upload_opinion", args=[case.code]),
        {"upload": pdf_upload("意见书.pdf"), "summary": "建议提出不侵权抗辩"},
    )
    kinds = sorted(GuidanceRecord.objects.filter(application=case).values_list("kind", flat=True))
    assert kinds == ["consultation", "opinion"]
    assert set(GuidanceRecord.objects.values_list("recorded_by", flat=True)) == {
        personas["expert"].pk
    }


def test_an_expert_not_on_the_case_gets_404(client, case, expert_profile, make_expert, staff):
    other = make_expert("other", "周专家")
    client.force_login(other.user)
    url = reverse("experts:record_consultation", args=[case.code])
    assert client.post(url, {"held_on": "2026-01-01", "summary": "x"}).status_code == 404
    assert not GuidanceRecord.objects.exists()
