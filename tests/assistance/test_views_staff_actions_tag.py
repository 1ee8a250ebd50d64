"""The case page's staff action partial: only actions the workflow allows, only for staff."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from oipa.assistance import services
from oipa.assistance.forms_staff import offered_actions

pytestmark = pytest.mark.django_db


def offered(user, application) -> list[str]:
    return [form.name for form in offered_actions(user, application)]


def render_partial(user, application) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "assistance/partials/staff_actions.html",
        {"application": application},
        request=request,
    )


def test_a_submitted_case_offers_the_decision_actions(personas, submitted):
    assert offered(personas["staff"], submitted) == [
        "accept",
        "request-info",
        "decline",
        "assign-officer",
        "propose-joint",
        "confidentiality",
    ]


def test_an_accepted_case_offers_the_guidance_actions(personas, accepted):
    names = offered(personas["staff"], accepted)
    assert {"assign-expert", "consultation", "opinion", "refer", "conclude"} <= set(names)
    assert "accept" not in names and "close" not in names


def test_a_concluded_case_offers_close_and_reopen(personas, accepted):
    concluded = services.conclude_application(
        actor=personas["staff"], application=accepted, outcome="other"
    )
    assert offered(personas["staff"], concluded) == ["close", "reopen", "confidentiality"]


@pytest.mark.parametrize("persona", ["auditor", "chaoyang", "expert", "partner", "district"])
def test_others_are_offered_nothing(personas, submitted, persona):
    assert offered(personas[persona], submitted) == []
    assert render_partial(personas[persona], submitted).strip() == ""


def test_the_partial_renders_one_form_per_action_with_a_csrf_token(personas, submitted):
    html = render_partial(personas["staff"], submitted)
    assert html.count("<form") == 6
    assert "csrfmiddlewaretoken" in html
    assert f"/applications/{submitted.code}/act/accept/" in html
    assert f'value="{personas["staff"].pk}" selected' in html  # case officer defaults to me


def test_the_upload_form_is_multipart(personas, accepted):
    html = render_partial(personas["staff"], accepted)
    assert 'enctype="multipart/form-data"' in html
