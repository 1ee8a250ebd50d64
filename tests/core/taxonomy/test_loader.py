"""`sync_reference_data` and `manage.py load_taxonomy` are idempotent upserts."""

from io import StringIO

from django.core.management import call_command

from oipa.core.taxonomy.loader import sync_reference_data
from oipa.core.taxonomy.models import Industry, IPCEntry, Jurisdiction, NiceClass
from oipa.knowledge.models import CountryProfile, TypicalCase


def test_a_second_sync_creates_and_updates_nothing():
    sync_reference_data()
    counts = sync_reference_data()
    assert counts["created"] == 0
    assert counts["updated"] == 0


def test_it_recreates_missing_rows_with_their_parents():
    IPCEntry.objects.filter(symbol__startswith="H04", level="subclass").delete()
    IPCEntry.objects.filter(symbol="H04").delete()
    NiceClass.objects.filter(number=9).delete()
    counts = sync_reference_data()
    assert counts["ipc_created"] == IPCEntry.objects.filter(symbol__startswith="H04").count()
    assert counts["nice_created"] == 1
    assert IPCEntry.objects.get(symbol="H04W").parent.symbol == "H04"


def test_it_restores_a_changed_title_but_keeps_a_deactivated_jurisdiction():
    Industry.objects.filter(code="C").update(title_zh="改过的")
    Jurisdiction.objects.filter(code="AQ").update(is_active=False)
    counts = sync_reference_data()
    assert counts["industry_updated"] == 1
    assert counts["jurisdiction_updated"] == 0
    assert Industry.objects.get(code="C").title_zh == "制造业"
    assert Jurisdiction.objects.get(code="AQ").is_active is False


def test_a_full_load_into_empty_tables_creates_every_row():
    # Published content protects the reference rows it cites; start from no content at all.
    TypicalCase.objects.all().delete()
    CountryProfile.objects.all().delete()
    IPCEntry.objects.filter(level="subclass").delete()
    IPCEntry.objects.filter(level="class").delete()
    for model in (IPCEntry, Jurisdiction, NiceClass, Industry):
        model.objects.all().delete()
    counts = sync_reference_data()
    assert counts["created"] == Jurisdiction.objects.count() + 45 + 784 + 20


def test_the_management_command_reports_the_counts():
    out = StringIO()
    call_command("load_taxonomy", stdout=out)
    assert "created: 0" in out.getvalue()
