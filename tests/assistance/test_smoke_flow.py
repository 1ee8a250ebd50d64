"""The whole procedure through services, end to end."""

import pytest
from django.utils import timezone

from oipa.assistance import services
from oipa.assistance.builders import pdf_upload
from oipa.assistance.models import ClockKind
from oipa.assistance.workflow import Status

pytestmark = pytest.mark.django_db


def test_the_procedure_runs_from_submission_to_feedback(personas, submitted):
    staff, expert, enterprise = personas["staff"], personas["expert"], personas["chaoyang"]
    assert submitted.status == Status.SUBMITTED
    assert submitted.number.startswith("京海援〔")
    app = services.accept_application(actor=staff, application=submitted)
    assert app.case_officer == staff
    services.assign_expert(actor=staff, application=app, expert=expert, role="lead")
    app.refresh_from_db()
    assert app.status == Status.IN_GUIDANCE
    services.record_consultation(
        actor=expert,
        application=app,
        held_on=timezone.localdate(),
        summary="讨论应诉策略",
        attendees="钱专家",
    )
    services.upload_guidance_opinion(
        actor=expert, application=app, upload=pdf_upload("op.pdf"), summary="建议积极应诉"
    )
    app = services.conclude_application(actor=staff, application=app, outcome="settled")
    app = services.give_feedback(actor=enterprise, application=app, satisfaction=5, comment="好")
    assert app.satisfaction == 5
    clocks = {c.kind: c for c in app.clocks.all()}
    assert set(clocks) == set(ClockKind.values)
    assert all(c.stopped_on is not None for c in clocks.values())
