"""Background tasks leave a run record that Center staff can see."""

import pytest
from django.urls import reverse

from oipa.core.models import TaskRun
from oipa.core.runs import recorded_run

pytestmark = pytest.mark.django_db


def test_a_successful_run_records_its_counts():
    with recorded_run("tests.sample") as counts:
        counts["done"] = 3
    run = TaskRun.objects.get()
    assert run.status == "succeeded" and run.counts == {"done": 3} and run.finished_at


def test_a_failed_run_records_its_error_and_still_raises():
    with pytest.raises(RuntimeError), recorded_run("tests.sample"):
        raise RuntimeError("broker down")
    run = TaskRun.objects.get()
    assert run.status == "failed" and "broker down" in run.error


def test_the_reminder_and_checkpoint_tasks_leave_records():
    from oipa.assistance.tasks import remind_clocks_due
    from oipa.core.audit.tasks import checkpoint_audit_chain

    remind_clocks_due()
    checkpoint_audit_chain()
    assert set(TaskRun.objects.values_list("task", flat=True)) == {
        "assistance.remind_clocks_due",
        "audit.checkpoint_audit_chain",
    }


@pytest.mark.parametrize("persona", ["staff", "auditor", "admin"])
def test_center_people_see_the_runs(client, personas, persona):
    with recorded_run("tests.sample"):
        pass
    client.force_login(personas[persona])
    response = client.get(reverse("task_runs"))
    assert response.status_code == 200
    assert "tests.sample" in response.content.decode()


@pytest.mark.parametrize("persona", ["chaoyang", "expert", "partner"])
def test_others_get_404(client, personas, persona):
    client.force_login(personas[persona])
    assert client.get(reverse("task_runs")).status_code == 404
