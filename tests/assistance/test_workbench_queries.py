"""The workbench, its HTMX partial and its export cost the same number of queries for 10 cases
as for 200."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from oipa.assistance import services
from oipa.assistance.builders import build_application
from oipa.core.taxonomy.models import Jurisdiction

pytestmark = pytest.mark.django_db
WORKBENCH = reverse("assistance:workbench")
EXPORT = reverse("assistance:workbench_export")
REQUESTS = [
    (WORKBENCH, {}, {}),
    (WORKBENCH, {"status": "accepted"}, {}),
    (WORKBENCH, {"country": "US", "q": "案件", "ip_type": "patent"}, {}),
    (WORKBENCH, {"urgency": "high", "district": "110105"}, {"HTTP_HX_REQUEST": "true"}),
    (EXPORT, {}, {}),
]


def build_cases(personas, count: int, start: int = 0) -> None:
    """Cases of two enterprises in several states, some confidential, some in two countries."""
    staff, admin = personas["staff"], personas["admin"]
    two_countries = list(Jurisdiction.objects.filter(code__in=["US", "DE"]))
    for i in range(start, start + count):
        actor = personas["chaoyang"] if i % 2 else personas["haidian"]
        fields = {"jurisdictions": two_countries} if i % 4 == 0 else {}
        application = build_application(actor=actor, title=f"案件 {i}", **fields)
        if i % 3 == 0:
            services.accept_application(actor=staff, application=application)
        elif i % 5 == 0:
            services.accept_application(actor=admin, application=application, case_officer=admin)
        if i % 5 == 0:
            officer = staff if i % 3 == 0 else admin
            services.set_confidentiality(actor=officer, application=application, confidential=True)


def query_counts(client) -> list[int]:
    counts = []
    for url, params, headers in REQUESTS:
        client.get(url, params, **headers)  # warm the per-process calendar cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params, **headers)
        assert response.status_code == 200
        counts.append(len(queries))
    return counts


def test_the_query_counts_do_not_grow_with_the_number_of_cases(client, personas):
    client.force_login(personas["staff"])
    build_cases(personas, 10)
    few = query_counts(client)
    build_cases(personas, 190, start=10)
    many = query_counts(client)
    assert few == many
