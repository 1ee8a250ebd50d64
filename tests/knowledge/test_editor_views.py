"""Editors' pages over HTTP: create, edit, move through the workflow, deadlines, subscription."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oipa.knowledge import facts
from oipa.knowledge.builders import build_case
from oipa.knowledge.models import Bulletin, CountryProfile, EditorialStatus, TypicalCase

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_staff_create_submit_and_publish_a_bulletin(client, editor, on_commit):
    client.force_login(editor)
    response = client.post(
        reverse("knowledge:item_create", args=["bulletin"]),
        {"title_zh": "新快讯", "title_en": "", "body_zh": "<p>内容</p>"},
    )
    bulletin = Bulletin.objects.get()
    assert response.status_code == 302
    assert bulletin.status == EditorialStatus.DRAFT
    for action in ("submit", "publish"):
        url = reverse("knowledge:item_transition", args=["bulletin", bulletin.code, action])
        with on_commit():
            client.post(url)
    bulletin.refresh_from_db()
    assert bulletin.status == EditorialStatus.PUBLISHED
    client.logout()
    found = client.get(reverse("knowledge:search"), {"q": "新快讯"}, **EN).content.decode()
    assert str(bulletin.code) in found


def test_a_form_without_titles_is_refused_with_a_clear_message(client, editor):
    client.force_login(editor)
    response = client.post(reverse("knowledge:item_create", args=["bulletin"]), {}, **EN)
    assert response.status_code == 200
    assert "Give a Chinese or an English title." in response.content.decode()
    assert not Bulletin.objects.exists()


def test_staff_edit_a_draft(client, editor):
    case = build_case(actor=editor, publish_it=False)
    client.force_login(editor)
    data = {
        "title_zh": "改后", "title_en": "Changed", "jurisdiction": case.jurisdiction.pk,
        "ip_type": "patent", "dispute_type": "litigation", "facts_en": "Edited facts",
    }  # fmt: skip
    response = client.post(reverse("knowledge:item_edit", args=["case", case.code]), data)
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.title_en, case.ip_type, case.version) == ("Changed", "patent", 2)


def test_a_refused_transition_shows_a_message_and_changes_nothing(client, editor):
    case = build_case(actor=editor, publish_it=False)
    client.force_login(editor)
    url = reverse("knowledge:item_transition", args=["case", case.code, "publish"])
    response = client.post(url, follow=True, **EN)
    assert "cannot become" in response.content.decode()
    assert TypicalCase.objects.get(pk=case.pk).status == EditorialStatus.DRAFT


def test_staff_change_a_profiles_deadlines(client, editor):
    profile = CountryProfile.objects.get(jurisdiction__code="GB")
    client.force_login(editor)
    client.post(reverse("knowledge:item_transition", args=["profile", profile.code, "return"]))
    data = {
        "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0",
        "form-0-event": "opposition", "form-0-amount": "3", "form-0-unit": "months",
        "form-0-starts_from": "publication", "form-0-source_url": "https://www.gov.uk/",
    }  # fmt: skip
    response = client.post(reverse("knowledge:profile_deadlines", args=[profile.code]), data)
    assert response.status_code == 302
    for action in ("submit", "publish"):
        client.post(reverse("knowledge:item_transition", args=["profile", profile.code, action]))
    assert facts.deadline_rule("GB", "opposition").amount == 3
    assert facts.deadline_rule("GB", "answer") is None


def test_auditors_see_drafts_and_versions_but_cannot_edit(client, personas, editor):
    case = build_case(actor=editor, publish_it=False, title_en="Draft for auditors")
    client.force_login(personas["auditor"])
    page = client.get(reverse("knowledge:case_detail", args=[case.code]), **EN)
    assert page.status_code == 200 and "Versions" in page.content.decode()
    assert client.get(reverse("knowledge:manage")).status_code == 200
    assert client.get(reverse("knowledge:item_edit", args=["case", case.code])).status_code == 404


def test_unknown_kinds_and_actions_are_404(client, editor):
    case = build_case(actor=editor, publish_it=False)
    client.force_login(editor)
    assert client.get(reverse("knowledge:item_create", args=["nope"])).status_code == 404
    url = reverse("knowledge:item_transition", args=["case", case.code, "explode"])
    assert client.post(url).status_code == 404


def test_enterprises_manage_their_subscription(client, personas):
    client.force_login(personas["chaoyang"])
    response = client.post(reverse("knowledge:subscription"), {"jurisdictions": []})
    assert response.status_code == 302
    org = personas["chaoyang"].membership.organization
    assert org.bulletin_subscription.jurisdictions.count() == 0
    client.post(reverse("knowledge:subscription"), {"unsubscribe": "1"})
    org.refresh_from_db()
    assert not type(org).objects.filter(pk=org.pk, bulletin_subscription__isnull=False).exists()


def test_editing_a_published_item_sends_the_editor_back_with_a_message(client, editor):
    case = build_case(actor=editor)
    client.force_login(editor)
    response = client.get(
        reverse("knowledge:item_edit", args=["case", case.code]), follow=True, **EN
    )
    assert "Return the item to draft to edit it." in response.content.decode()


def test_a_guide_attachment_must_be_a_pdf(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from oipa.knowledge.builders import guide_pdf
    from oipa.knowledge.models import Guide

    client.force_login(editor)
    url = reverse("knowledge:item_create", args=["guide"])
    fake = SimpleUploadedFile("x.pdf", b"<html>not a pdf</html>", "application/pdf")
    response = client.post(url, {"title_en": "Bad", "attachment": fake}, **EN)
    assert "must be a PDF" in response.content.decode()
    real = SimpleUploadedFile("g.pdf", guide_pdf("Good"), "application/pdf")
    assert client.post(url, {"title_en": "Good", "attachment": real}).status_code == 302
    assert Guide.objects.get().attachment.name.endswith(".pdf")
