"""Confidential cases: existence visible to staff, content only to those named, file accesses
logged for the applicant."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from oipa.assistance import services
from oipa.assistance.access import can_read_content, get_application_for_user
from oipa.assistance.builders import pdf_upload
from oipa.assistance.models import Application, FileAccess

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret_case(personas, make_case, other_staff):
    """A confidential case in guidance: staff is officer, expert assigned, admin supervises;
    other_staff and the auditor are not named."""
    application = make_case("in_guidance")
    return services.set_confidentiality(
        actor=personas["staff"],
        application=application,
        confidential=True,
        supervisors=[personas["admin"]],
    )


@pytest.fixture
def secret_file(personas, secret_case):
    return services.upload_attachment(
        actor=personas["chaoyang"], application=secret_case, upload=pdf_upload(), kind="evidence"
    )


@pytest.mark.parametrize("reader", ["chaoyang", "staff", "expert", "admin"])
def test_each_named_reader_may_open_its_files_and_each_access_is_logged(
    personas, secret_file, reader
):
    services.record_file_access(actor=personas[reader], attachment=secret_file)
    services.record_file_access(actor=personas[reader], attachment=secret_file)

    assert FileAccess.objects.filter(attachment=secret_file, user=personas[reader]).count() == 2


@pytest.mark.parametrize("outsider", ["auditor", "haidian", "partner", "other_staff"])
def test_those_not_named_may_not_open_its_files(personas, secret_file, other_staff, outsider):
    actor = other_staff if outsider == "other_staff" else personas[outsider]

    with pytest.raises(PermissionDenied):
        services.record_file_access(actor=actor, attachment=secret_file)

    assert not FileAccess.objects.exists()


def test_a_file_of_an_ordinary_case_is_not_logged_as_a_file_access(personas, accepted):
    attachment = services.upload_attachment(
        actor=personas["chaoyang"], application=accepted, upload=pdf_upload(), kind="evidence"
    )

    services.record_file_access(actor=personas["staff"], attachment=attachment)

    assert not FileAccess.objects.exists()


def test_other_staff_see_that_it_exists_but_not_its_content(secret_case, other_staff, personas):
    assert Application.objects.visible_to(other_staff).filter(pk=secret_case.pk).exists()
    assert not can_read_content(other_staff, secret_case)
    assert not can_read_content(personas["auditor"], secret_case)
    assert can_read_content(personas["expert"], secret_case)
    with pytest.raises(Http404):
        get_application_for_user(other_staff, secret_case.code, write=True)


def test_other_enterprises_and_unassigned_experts_never_see_it(personas, secret_case):
    assert not Application.objects.visible_to(personas["haidian"]).exists()
    assert not Application.objects.visible_to(personas["institution"]).exists()
    with pytest.raises(Http404):
        get_application_for_user(personas["haidian"], secret_case.code)


def test_supervisors_must_be_center_people(personas, accepted):
    with pytest.raises(ValidationError) as info:
        services.set_confidentiality(
            actor=personas["chaoyang"],
            application=accepted,
            confidential=True,
            supervisors=[personas["haidian"]],
        )

    assert "supervisors" in info.value.message_dict
    accepted.refresh_from_db()
    assert accepted.confidential is False


def test_the_audit_names_supervisors_given_as_any_iterable(personas, accepted):
    from oipa.core.audit.models import AuditEvent

    services.set_confidentiality(
        actor=personas["chaoyang"],
        application=accepted,
        confidential=True,
        supervisors=(u for u in [personas["admin"]]),
    )

    event = AuditEvent.objects.get(action="assistance.confidentiality_changed")
    assert event.after["supervisors"] == [personas["admin"].email]
    assert list(accepted.supervisors.all()) == [personas["admin"]]
