"""The directory's search providers yield public listings only, and the index follows."""

import pytest

from oipa.directory import services
from oipa.directory.builders import institution_details
from oipa.directory.search import institution_documents, mediation_body_documents
from oipa.knowledge.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_only_listed_institutions_are_yielded(personas, other):
    hidden = services.propose_institution(
        actor=personas["institution"],
        details=institution_details(uscc=personas["institution"].organization.uscc),
    ).institution
    listed = services.create_institution(
        actor=personas["staff"],
        details=institution_details(uscc="", name_zh="北京某知识产权咨询有限公司"),
    )
    services.withdraw_institution(actor=personas["staff"], institution=other, reason="停业")
    keys = {doc.key for doc in institution_documents()}
    assert keys == {str(listed.code)}
    assert list(institution_documents([str(hidden.code), str(other.code)])) == []


def test_a_document_carries_both_languages_and_the_countries(personas, other):
    (doc,) = institution_documents([str(other.code)])
    assert doc.kind == "institution"
    assert doc.title == "北京德衡国际知识产权律师事务所 / Deheng International IP Law Firm"
    assert doc.jurisdictions == ("DE", "EU")
    assert "Overseas IP litigation" in doc.body
    assert "Hoffmann Eitle" in doc.body
    assert doc.url == f"/directory/institutions/{other.code}/"
    assert "<" not in doc.body


def test_bad_keys_are_ignored(other):
    assert list(institution_documents(["not-a-uuid", ""])) == []


def test_mediation_bodies_are_yielded_while_listed(personas, body):
    (doc,) = mediation_body_documents()
    assert doc.kind == "mediation_body"
    assert doc.key == str(body.code)
    assert "Arbitration" in doc.body
    services.withdraw_mediation_body(actor=personas["staff"], body=body)
    assert list(mediation_body_documents([str(body.code)])) == []


def test_the_index_follows_listing_and_withdrawal(personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        institution = services.create_institution(
            actor=personas["staff"], details=institution_details()
        )
    entry = SearchEntry.objects.get(kind="institution", key=str(institution.code))
    assert "金诚" in entry.title
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_institution(
            actor=personas["staff"], institution=institution, reason="停业"
        )
    assert not SearchEntry.objects.filter(kind="institution", key=str(institution.code)).exists()


def test_an_unreviewed_change_never_reaches_the_index(
    personas, own, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.update_institution(
            actor=personas["staff"],
            institution=own,
            details=institution_details(uscc=own.uscc, name_zh="华夏代理"),
        )
        change = services.propose_institution_change(
            actor=personas["institution"],
            institution=own,
            details=institution_details(uscc=own.uscc, name_zh="华夏代理（未审核名称）"),
        )
    assert SearchEntry.objects.get(kind="institution", key=str(own.code)).title.startswith(
        "华夏代理 /"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_change(actor=personas["staff"], change=change)
    assert "未审核名称" in SearchEntry.objects.get(kind="institution", key=str(own.code)).title


def test_the_site_search_finds_listed_institutions_in_chinese_and_english(
    personas, django_capture_on_commit_callbacks
):
    from oipa.knowledge.search.query import Filters, search

    with django_capture_on_commit_callbacks(execute=True):
        listed = services.create_institution(actor=personas["staff"], details=institution_details())
        services.propose_institution(
            actor=personas["institution"],
            details=institution_details(
                uscc=personas["institution"].organization.uscc,
                name_zh="待审核的337调查律所",
                description="337调查应对",
            ),
        )
    only_directory = Filters(kind="institution")
    for text in ("337调查", "Fish Richardson", "德国", "Section 337"):
        hits = search(text, filters=only_directory).hits
        assert [hit.key for hit in hits] == [str(listed.code)], text
