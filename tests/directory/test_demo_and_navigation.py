"""The demo directory, the navigation link and the home cards."""

import pytest
from django.urls import reverse

from oipa.directory.demo import build_demo
from oipa.directory.models import (
    ChangeStatus,
    Institution,
    ListingChange,
    MediationBody,
    QualityDirectory,
)

pytestmark = pytest.mark.django_db


def test_the_demo_builds_a_realistic_directory_once(personas):
    assert build_demo(personas) > 10
    assert Institution.objects.public().count() == 8
    assert MediationBody.objects.public().count() == 3
    own = Institution.objects.get(organization=personas["institution"].organization)
    assert ListingChange.objects.get(status=ChangeStatus.PENDING).institution == own
    assert QualityDirectory.objects.get(year=2025).published_on is not None
    assert QualityDirectory.objects.get(year=2026).published_on is None
    assert build_demo(personas) == 0


def test_visitors_find_the_directory_in_the_navigation(client):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en")
    assert reverse("directory:institution_list") in response.content.decode()
    assert "Service directory" in response.content.decode()


def test_institution_staff_get_a_card_to_keep_their_listing_current(client, personas):
    client.force_login(personas["institution"])
    text = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Keep your listing current" in text
    assert reverse("directory:my_listing") in text


def test_center_staff_get_a_card_for_the_review_queue(client, personas):
    client.force_login(personas["staff"])
    text = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Directory changes to review" in text
