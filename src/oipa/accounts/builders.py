"""Builders of organizations and people for tests and demo data (idempotent, ORM-direct).

These are test-data builders, not a write path of the service: the platform's own writes go
through `services.py`. `seed_demo` and the test personas share them so the demo is what the tests
exercise.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from stdnum.cn import uscc as stdnum_uscc

from oipa.core import regions

from .models import Membership, Organization, OrgKind, Role, User


def make_uscc(division_code: str, org_code: str, *, prefix: str = "91") -> str:
    """A checksum-valid USCC for the given division and 9-character organization code."""
    body = f"{prefix}{division_code}{org_code}"
    return body + stdnum_uscc.calc_check_digit(body)


def build_organization(
    *, kind: str, name: str, name_en: str = "", uscc: str | None = None, division_code: str = ""
) -> Organization:
    """The organization with this USCC (or kind and name), created when missing."""
    if uscc:
        division_code = regions.parse_uscc(uscc).division_code
    lookup = {"uscc": uscc} if uscc else {"kind": kind, "name": name}
    organization = Organization.objects.filter(**lookup).first()
    if organization is not None:
        return organization
    fields = {"division_code": division_code}
    division = regions.resolve_division(division_code) if division_code else None
    if division is not None:
        fields.update(
            province=division.province_name or "",
            city=division.city_name or "",
            district=division.district_name or "",
        )
    return Organization.objects.create(kind=kind, name=name, name_en=name_en, uscc=uscc, **fields)


def build_member(
    *,
    organization: Organization,
    role: str,
    email: str,
    password: str | None = None,
    full_name: str = "",
    totp_secret: str | None = None,
) -> User:
    """A user with a verified email and an active membership; TOTP activated when a secret is
    given. Calling it again with the same email changes nothing."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, full_name=full_name)
        user.is_staff = user.is_superuser = role == Role.CENTER_ADMIN
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    Membership.objects.get_or_create(user=user, organization=organization, defaults={"role": role})
    if (
        totp_secret
        and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    ):
        TOTP.activate(user, totp_secret)
    return user


CENTER_ROLES = {Role.CENTER_ADMIN, Role.CENTER_STAFF, Role.AUDITOR}

# name, kind, English name, USCC division + org code (or None), district division code
PERSONA_ORGS = {
    "center": (
        "北京市知识产权保护中心（海外维权援助）",
        OrgKind.CENTER,
        "Beijing IP Protection Center (Overseas Assistance)",
        None,
        "110000",
    ),
    "enterprise_chaoyang": (
        "北京星河智联科技有限公司",
        OrgKind.ENTERPRISE,
        "Beijing Xinghe Zhilian Technology Co., Ltd.",
        ("110105", "MA01XK7A1"),
        "",
    ),
    "enterprise_haidian": (
        "北京清源生物医药有限公司",
        OrgKind.ENTERPRISE,
        "Beijing Qingyuan Biopharma Co., Ltd.",
        ("110108", "MA02HD3B7"),
        "",
    ),
    "enterprise_tianjin": (
        "天津海港新材料有限公司",
        OrgKind.ENTERPRISE,
        "Tianjin Haigang New Materials Co., Ltd.",
        ("120116", "MA05TJ8C2"),
        "",
    ),
    "enterprise_hebei": (
        "河北燕赵电器有限公司",
        OrgKind.ENTERPRISE,
        "Hebei Yanzhao Electric Appliance Co., Ltd.",
        ("130102", "MA07HB4D6"),
        "",
    ),
    "partner_tianjin": (
        "天津市知识产权保护中心",
        OrgKind.PARTNER_CENTER,
        "Tianjin IP Protection Center",
        None,
        "120000",
    ),
    "district_chaoyang": (
        "北京市朝阳区知识产权局",
        OrgKind.DISTRICT_OFFICE,
        "Chaoyang District IP Office",
        None,
        "110105",
    ),
    "association": (
        "中关村跨境电商知识产权联盟",
        OrgKind.ASSOCIATION,
        "Zhongguancun Cross-border E-commerce IP Alliance",
        None,
        "110108",
    ),
    "institution": (
        "北京华夏涉外知识产权代理有限公司",
        OrgKind.SERVICE_INSTITUTION,
        "Huaxia Foreign-related IP Agency (Beijing)",
        ("110101", "MA09FW2E3"),
        "",
    ),
}

# email local part, organization key, role, name
PERSONAS = [
    ("admin", "center", Role.CENTER_ADMIN, "王管理"),
    ("staff", "center", Role.CENTER_STAFF, "李专员"),
    ("auditor", "center", Role.AUDITOR, "赵审计"),
    ("chaoyang", "enterprise_chaoyang", Role.ENTERPRISE_ADMIN, "陈朝阳"),
    ("haidian", "enterprise_haidian", Role.ENTERPRISE_ADMIN, "刘海淀"),
    ("tianjin", "enterprise_tianjin", Role.ENTERPRISE_ADMIN, "张天津"),
    ("hebei", "enterprise_hebei", Role.ENTERPRISE_ADMIN, "孙河北"),
    ("partner", "partner_tianjin", Role.PARTNER_STAFF, "周津协"),
    ("district", "district_chaoyang", Role.DISTRICT_OFFICER, "吴区局"),
    ("association", "association", Role.ASSOCIATION_STAFF, "郑协会"),
    ("institution", "institution", Role.INSTITUTION_STAFF, "冯律所"),
    ("expert", "institution", Role.EXPERT, "钱专家"),
]


def build_persona_orgs() -> dict[str, Organization]:
    """One organization per persona kind, keyed as in PERSONA_ORGS."""
    orgs = {}
    for key, (name, kind, name_en, uscc_parts, division) in PERSONA_ORGS.items():
        uscc = make_uscc(*uscc_parts) if uscc_parts else None
        orgs[key] = build_organization(
            kind=kind, name=name, name_en=name_en, uscc=uscc, division_code=division
        )
    return orgs


def build_personas(*, domain: str, password: str, totp_secret: str) -> dict[str, User]:
    """Every persona of PERSONAS, keyed by email local part; Center roles get TOTP."""
    orgs = build_persona_orgs()
    people = {}
    for local, org_key, role, name in PERSONAS:
        people[local] = build_member(
            organization=orgs[org_key],
            role=role,
            email=f"{local}@{domain}",
            password=password,
            full_name=name,
            totp_secret=totp_secret if role in CENTER_ROLES else None,
        )
    return people
