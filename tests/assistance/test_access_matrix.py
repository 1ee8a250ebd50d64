"""Who can read which application and file, by UI, API and guessed file URL."""

import pytest
from django.urls import reverse

from oipa.accounts.builders import make_uscc
from oipa.assistance import services
from oipa.assistance.builders import build_application, pdf_upload
from tests.access import Action, assert_access_matrix

pytestmark = pytest.mark.django_db


def first_file(app):
    return app.attachments.order_by("pk").first()


ACTIONS = {
    "r": Action(url=lambda app: reverse("assistance:application_detail", args=[app.code])),
    "a": Action(url=lambda app: reverse("api:application-detail", args=[app.code]), api=True),
    "f": Action(
        url=lambda app: reverse("assistance:attachment_download", args=[first_file(app).code])
    ),
}


@pytest.fixture
def cases(personas):
    chaoyang, haidian = personas["chaoyang"], personas["haidian"]
    staff, admin = personas["staff"], personas["admin"]
    own = build_application(actor=chaoyang)
    services.accept_application(actor=staff, application=own)
    services.assign_expert(actor=staff, application=own, expert=personas["expert"], role="lead")
    other = build_application(actor=haidian)
    secret = build_application(actor=haidian, confidential=True, title="商业秘密案")
    services.assign_case_officer(actor=admin, application=secret, officer=admin)
    services.accept_application(actor=admin, application=secret)
    joint = build_application(
        actor=chaoyang,
        parties=[
            {"kind": "counterparty", "name": "Acme", "country": "US"},
            {"kind": "co_party", "name": "天津海港", "uscc": make_uscc("120116", "MA05TJ8C2")},
        ],
    )
    for app, owner in [(own, chaoyang), (other, haidian), (secret, haidian), (joint, chaoyang)]:
        services.upload_attachment(
            actor=owner, application=app, upload=pdf_upload(), kind="evidence"
        )
    return {"own": own, "other": other, "secret": secret, "joint": joint}


def test_the_access_matrix_holds_for_applications_and_files(client, personas, cases):
    users = {
        key: personas[key]
        for key in (
            "chaoyang",
            "haidian",
            "staff",
            "admin",
            "auditor",
            "expert",
            "partner",
            "district",
            "institution",
        )
    }
    users["anonymous"] = None
    full, existence = "raf", "ra"
    allowed = {
        "chaoyang": {"own": full, "joint": full},
        "haidian": {"other": full, "secret": full},
        "staff": {"own": full, "other": full, "secret": existence, "joint": full},
        "admin": {"own": full, "other": full, "secret": full, "joint": full},
        "auditor": {"own": full, "other": full, "secret": existence, "joint": full},
        "expert": {"own": full},
        "partner": {"joint": full},
        "district": {"own": full, "joint": full},
    }
    checked = assert_access_matrix(
        client, users=users, objects=cases, actions=ACTIONS, allowed=allowed
    )
    assert checked == len(users) * len(cases) * len(ACTIONS)


def test_a_confidential_page_shows_existence_but_no_content_to_other_staff(client, personas, cases):
    client.force_login(personas["staff"])
    page = client.get(reverse("assistance:application_detail", args=[cases["secret"].code]))
    html = page.content.decode()
    assert cases["secret"].number in html
    assert cases["secret"].description not in html
