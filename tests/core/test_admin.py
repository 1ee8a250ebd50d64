"""The Django admin is for Center admins only."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_center_admin_reaches_the_admin(client, personas):
    client.force_login(personas["admin"])
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize("persona", ["staff", "auditor", "chaoyang"])
def test_others_are_sent_to_the_admin_login(client, personas, persona):
    client.force_login(personas[persona])
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_a_superuser_without_a_center_membership_is_refused(client, django_user_model):
    user = django_user_model.objects.create_superuser("root@example.cn", "x-long-password-1")
    client.force_login(user)
    assert client.get(reverse("admin:index")).status_code == 302
