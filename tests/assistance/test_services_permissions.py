"""Who may not call which service: each denial raises PermissionDenied and changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from oipa.assistance import services
from oipa.assistance.builders import draft_fields, pdf_upload
from oipa.assistance.models import Application, Attachment, Referral
from oipa.core.audit.models import AuditEvent
from oipa.core.notifications.models import Notification

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - timedelta(days=1)


def _referral(app, personas, body):
    return Referral.objects.create(application=app, body=body, kind="mediation")


def _attachment(app, personas, body):
    return services.upload_attachment(
        actor=personas["chaoyang"], application=app, upload=pdf_upload(), kind="evidence"
    )


# service name: (state the case is in, call(actor, app, personas, extra))
CENTER_SERVICES = {
    "accept": ("submitted", lambda a, app, p, x: services.accept_application(
        actor=a, application=app)),
    "decline": ("submitted", lambda a, app, p, x: services.decline_application(
        actor=a, application=app, reason="r")),
    "request_info": ("submitted", lambda a, app, p, x: services.request_more_information(
        actor=a, application=app, request="r")),
    "assign_officer": ("submitted", lambda a, app, p, x: services.assign_case_officer(
        actor=a, application=app, officer=p["staff"])),
    "assign_expert": ("accepted", lambda a, app, p, x: services.assign_expert(
        actor=a, application=app, expert=p["expert"])),
    "propose_joint": ("submitted", lambda a, app, p, x: services.propose_joint_guidance(
        actor=a, application=app, partner_centers=[p["partner"].membership.organization])),
    "conclude": ("in_guidance", lambda a, app, p, x: services.conclude_application(
        actor=a, application=app, outcome="won")),
    "close": ("concluded", lambda a, app, p, x: services.close_application(
        actor=a, application=app)),
    "reopen": ("closed", lambda a, app, p, x: services.reopen_application(
        actor=a, application=app, reason="r")),
    "refer": ("in_guidance", lambda a, app, p, x: services.refer_to_mediation(
        actor=a, application=app, body=x, kind="mediation")),
    "referral_outcome": ("in_guidance", lambda a, app, p, x: services.record_referral_outcome(
        actor=a, referral=_referral(app, p, x), outcome="和解")),
}  # fmt: skip
GUIDE_SERVICES = {
    "consultation": ("in_guidance", lambda a, app, p, x: services.record_consultation(
        actor=a, application=app, held_on=YESTERDAY, summary="s")),
    "opinion": ("in_guidance", lambda a, app, p, x: services.upload_guidance_opinion(
        actor=a, application=app, upload=pdf_upload(), summary="s")),
}  # fmt: skip
ENTERPRISE_SERVICES = {
    "save_draft": ("draft", lambda a, app, p, x: services.save_draft(
        actor=a, application=app, title="t")),
    "submit": ("draft", lambda a, app, p, x: services.submit_application(
        actor=a, application=app)),
    "answer_info": ("info_requested", lambda a, app, p, x: services.answer_information_request(
        actor=a, application=app, answer="a")),
    "withdraw": ("submitted", lambda a, app, p, x: services.withdraw_application(
        actor=a, application=app)),
    "feedback": ("concluded", lambda a, app, p, x: services.give_feedback(
        actor=a, application=app, satisfaction=4)),
}  # fmt: skip
SHARED_SERVICES = {
    "message": ("in_guidance", lambda a, app, p, x: services.post_message(
        actor=a, application=app, body="m")),
    "upload": ("in_guidance", lambda a, app, p, x: services.upload_attachment(
        actor=a, application=app, upload=pdf_upload(), kind="evidence")),
    "confidentiality": ("in_guidance", lambda a, app, p, x: services.set_confidentiality(
        actor=a, application=app, confidential=True)),
    "file_access": ("in_guidance", lambda a, app, p, x: services.record_file_access(
        actor=a, attachment=_attachment(app, p, x))),
}  # fmt: skip

OUTSIDERS = ["haidian", "auditor", "partner", "district", "association", "institution"]
CASES = (
    [(name, actor) for name in CENTER_SERVICES for actor in ["chaoyang", "expert", *OUTSIDERS]]
    + [(name, actor) for name in GUIDE_SERVICES for actor in ["chaoyang", *OUTSIDERS]]
    + [(name, actor) for name in ENTERPRISE_SERVICES for actor in ["staff", "expert", *OUTSIDERS]]
    + [(name, actor) for name in SHARED_SERVICES for actor in OUTSIDERS if name != "file_access"]
    # auditors and the applicant's district office may read (not change) the case's files
    + [("file_access", actor) for actor in ["haidian", "partner", "association", "institution"]]
)
ALL = {**CENTER_SERVICES, **GUIDE_SERVICES, **ENTERPRISE_SERVICES, **SHARED_SERVICES}


def _state(application: Application) -> tuple:
    application.refresh_from_db()
    return (application.status, application.updated_at, application.confidential)


@pytest.mark.parametrize(("service", "actor"), CASES)
def test_a_service_refuses_an_actor_without_the_right(
    personas, make_case, mediation_body, service, actor
):
    state, call = ALL[service]
    application = make_case(state)
    extra_events = 1 if service == "file_access" else 0  # the upload that makes the file
    before = _state(application)
    events = AuditEvent.objects.count()

    with pytest.raises(PermissionDenied):
        call(personas[actor], application, personas, mediation_body)

    assert _state(application)[0] == before[0]
    assert AuditEvent.objects.count() == events + extra_events


def test_readers_of_a_case_may_download_its_files(personas, make_case):
    application = make_case("in_guidance")
    attachment = _attachment(application, personas, None)

    for name in ["chaoyang", "staff", "expert", "auditor", "district"]:
        services.record_file_access(actor=personas[name], attachment=attachment)

    logged = AuditEvent.objects.filter(action="assistance.file_downloaded").count()
    assert logged == 5
    assert not attachment.accesses.exists()  # logged as FileAccess only when confidential


def test_an_expert_not_assigned_to_the_case_may_not_guide_it(personas, make_case, other_staff):
    application = make_case("accepted")  # no expert assigned yet

    for service in GUIDE_SERVICES.values():
        with pytest.raises(PermissionDenied):
            service[1](personas["expert"], application, personas, None)


def test_an_enterprise_member_may_not_start_a_draft_for_the_center(personas):
    for name in ["staff", "admin", "auditor", "expert", "partner", "district"]:
        with pytest.raises(PermissionDenied):
            services.create_draft(actor=personas[name], **draft_fields())
    assert not Application.objects.exists()


class TestAConfidentialCase:
    @pytest.fixture
    def secret(self, personas, make_case):
        def make(state):
            app = make_case(state)
            return services.set_confidentiality(
                actor=personas["chaoyang"], application=app, confidential=True
            )

        return make

    @pytest.mark.parametrize("service", sorted(CENTER_SERVICES))
    def test_it_refuses_center_services_to_staff_who_may_not_read_it(
        self, personas, secret, other_staff, mediation_body, service
    ):
        state, call = CENTER_SERVICES[service]
        application = secret(state)
        before = _state(application)

        with pytest.raises(PermissionDenied):
            call(other_staff, application, personas, mediation_body)

        assert _state(application) == before

    @pytest.mark.parametrize("service", ["consultation", "opinion", "message", "upload"])
    def test_it_refuses_guidance_and_messages_to_staff_who_may_not_read_it(
        self, personas, secret, other_staff, service
    ):
        state, call = {**GUIDE_SERVICES, **SHARED_SERVICES}[service]
        application = secret(state)

        with pytest.raises(PermissionDenied):
            call(other_staff, application, personas, None)

    def test_it_refuses_a_file_download_to_staff_who_may_not_read_it(
        self, personas, secret, other_staff
    ):
        application = secret("in_guidance")
        attachment = _attachment(application, personas, None)

        with pytest.raises(PermissionDenied):
            services.record_file_access(actor=other_staff, attachment=attachment)
        assert not attachment.accesses.exists()

    def test_its_supervisor_may_act_on_it(self, personas, secret, other_staff):
        application = secret("submitted")
        services.set_confidentiality(
            actor=personas["chaoyang"],
            application=application,
            confidential=True,
            supervisors=[other_staff],
        )

        services.accept_application(actor=other_staff, application=application)

        application.refresh_from_db()
        assert application.status == "accepted"

    def test_a_center_admin_may_give_it_an_officer_without_reading_it(
        self, personas, secret, other_staff
    ):
        application = secret("submitted")

        services.assign_case_officer(
            actor=personas["admin"], application=application, officer=other_staff
        )
        services.accept_application(actor=other_staff, application=application)

        application.refresh_from_db()
        assert application.case_officer == other_staff
        assert application.status == "accepted"

    def test_staff_who_may_not_read_it_learn_only_that_something_happened(self, personas, secret):
        application = secret("draft")
        services.submit_application(actor=personas["chaoyang"], application=application)

        notice = Notification.objects.get(recipient=personas["staff"])
        assert notice.body == ""
        assert application.title not in notice.subject


def test_staff_may_not_upload_to_a_draft(personas, make_case):
    application = make_case("draft")

    with pytest.raises(Exception) as info:
        services.upload_attachment(
            actor=personas["staff"], application=application, upload=pdf_upload(), kind="other"
        )

    assert getattr(info.value, "code", None) == "draft"
    assert not Attachment.objects.exists()
