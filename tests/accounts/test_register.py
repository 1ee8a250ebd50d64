"""Enterprise self-registration: USCC checks, duplicates, verification email, nothing lost."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from oipa.accounts.builders import make_uscc
from oipa.accounts.models import Membership, Organization, Role, User
from oipa.core.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

VALID_USCC = make_uscc("110105", "MA0TEXT12")


def form_data(**overrides):
    data = {
        "organization_name": "北京测试科技有限公司",
        "organization_name_en": "Beijing Test Technology Co., Ltd.",
        "uscc": VALID_USCC,
        "full_name": "测试员",
        "phone": "010-12345678",
        "email": "owner@example.cn",
        "password1": "a-Long-passphrase-2026",
        "password2": "a-Long-passphrase-2026",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_it_registers_an_enterprise_with_a_valid_uscc(client):
    response = client.post(reverse("accounts:register"), form_data())
    assert response.status_code == 200
    organization = Organization.objects.get(uscc=VALID_USCC)
    assert organization.kind == "enterprise"
    assert organization.division_code == "110105"
    assert organization.province.startswith("北京")
    assert organization.district == "朝阳区"
    membership = Membership.objects.get(organization=organization)
    assert membership.role == Role.ENTERPRISE_ADMIN
    assert membership.user.email == "owner@example.cn"
    assert not EmailAddress.objects.get(user=membership.user).verified


def test_it_sends_a_verification_email(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:register"), form_data())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["owner@example.cn"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_it_records_an_audit_event(client):
    client.post(reverse("accounts:register"), form_data())
    event = AuditEvent.objects.get(action="accounts.enterprise_registered")
    assert event.actor.email == "owner@example.cn"
    assert event.after["uscc"] == VALID_USCC


def test_it_normalizes_lowercase_and_spaces_in_the_uscc(client):
    spaced = " ".join([VALID_USCC[:6].lower(), VALID_USCC[6:]])
    client.post(reverse("accounts:register"), form_data(uscc=spaced))
    assert Organization.objects.filter(uscc=VALID_USCC).exists()


@pytest.mark.parametrize(
    "bad",
    [
        VALID_USCC[:-1] + ("0" if VALID_USCC[-1] != "0" else "1"),  # wrong check character
        VALID_USCC[:-2],  # wrong length
        "91110105MA0IOZSV1A",  # forbidden letters
    ],
)
def test_it_rejects_an_invalid_uscc_with_a_clear_message(client, bad):
    response = client.post(reverse("accounts:register"), form_data(uscc=bad))
    assert response.status_code == 200
    errors = response.context["form"].errors["uscc"]
    assert errors and all(len(message) > 5 for message in errors)
    assert not User.objects.exists()
    assert not Organization.objects.exists()


def test_it_explains_a_wrong_check_character_in_chinese_and_english(client):
    bad = VALID_USCC[:-1] + ("0" if VALID_USCC[-1] != "0" else "1")
    zh = client.post(reverse("accounts:register"), form_data(uscc=bad)).content.decode()
    client.cookies["django_language"] = "en"
    en = client.post(reverse("accounts:register"), form_data(uscc=bad)).content.decode()
    assert "校验码（最后一位）与代码其余部分不符" in zh
    assert "The check character (the last one) does not match" in en


def test_it_refuses_a_duplicate_uscc_and_keeps_the_first_registration(client):
    client.post(reverse("accounts:register"), form_data())
    response = client.post(
        reverse("accounts:register"), form_data(email="other@example.cn", organization_name="冒名")
    )
    assert "uscc" in response.context["form"].errors
    organization = Organization.objects.get(uscc=VALID_USCC)
    assert organization.name == "北京测试科技有限公司"
    assert User.objects.count() == 1


def test_it_refuses_a_duplicate_email(client):
    client.post(reverse("accounts:register"), form_data())
    other = make_uscc("110108", "MA0TEXT34")
    response = client.post(reverse("accounts:register"), form_data(uscc=other))
    assert "email" in response.context["form"].errors
    assert not Organization.objects.filter(uscc=other).exists()


@pytest.mark.parametrize("password", ["short-Pw1!", "password1234", "123456789012345"])
def test_it_refuses_weak_passwords(client, password):
    response = client.post(
        reverse("accounts:register"), form_data(password1=password, password2=password)
    )
    assert response.context["form"].errors["password1"]
    assert not User.objects.exists()


def test_it_accepts_a_uscc_whose_division_code_is_unknown(client):
    unknown = make_uscc("130293", "MA0TEXT56")
    client.post(reverse("accounts:register"), form_data(uscc=unknown))
    organization = Organization.objects.get(uscc=unknown)
    assert organization.province_code == "13"


def test_it_requires_consent(client):
    data = form_data()
    del data["consent"]
    response = client.post(reverse("accounts:register"), data)
    assert "consent" in response.context["form"].errors
    assert not User.objects.exists()
