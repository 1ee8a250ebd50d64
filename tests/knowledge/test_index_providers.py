"""The index reads every kind through its provider, including the directory's, by dotted path."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from oipa.knowledge.search import index
from oipa.knowledge.search.documents import SearchDocument
from oipa.knowledge.search.query import Filters, search

pytestmark = pytest.mark.django_db

LISTED = {"k1": "北京某知识产权代理机构 涉外商标代理", "k2": "Mediation centre for 337 disputes"}


def fake_institutions(keys=None):
    for key, title in LISTED.items():
        if keys is None or key in keys:
            yield SearchDocument(
                kind="institution", key=key, title=title, body="", url=f"/d/{key}/",
                jurisdictions=("US",),
            )  # fmt: skip


@pytest.fixture
def provider(monkeypatch):
    monkeypatch.setitem(index.PROVIDERS, "institution", f"{__name__}.fake_institutions")
    return LISTED


def test_rebuild_takes_the_directory_documents(provider):
    index.rebuild_index()
    assert [h.key for h in search("商标代理", filters=Filters(kind="institution")).hits] == ["k1"]


def test_update_removes_keys_the_provider_no_longer_yields(provider):
    index.rebuild_index()
    del provider["k1"]
    index.update_documents("institution", ["k1", "k2"])
    assert search("商标代理").hits == []
    assert [h.key for h in search("337", filters=Filters(kind="institution")).hits] == ["k2"]


def test_a_missing_provider_module_is_skipped(monkeypatch):
    monkeypatch.setitem(index.PROVIDERS, "institution", "oipa.nowhere.documents")
    assert index.provider_for("institution") is None
    assert index.rebuild_index() >= 5


def test_the_command_rebuilds_the_index(capsys):
    call_command("rebuild_search_index")
    assert "indexed" in capsys.readouterr().out
    assert search("337").hits
