"""Every write to users, organizations and memberships.

Each function is one use case: it runs in a transaction, checks the actor's right, writes one audit
event, and queues emails only after commit. Views, the API, commands and seed_demo all call these.
"""

from __future__ import annotations

from allauth.account.forms import ResetPasswordForm
from allauth.account.internal.flows.email_verification import send_verification_email_to_address
from allauth.account.models import EmailAddress
from allauth.core.context import request_context
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from oipa.core import regions
from oipa.core.audit.services import client_ip, record_event

from .models import ROLE_KINDS, Membership, Organization, OrgKind, Role, User

ENTERPRISE_ROLES = {Role.ENTERPRISE_ADMIN, Role.ENTERPRISE_MEMBER}


def _normalize_email(email: str) -> str:
    return email.strip().lower()


def _check_email_free(email: str) -> None:
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            {
                "email": _(
                    "An account with this email address already exists. Log in or reset "
                    "your password instead."
                )
            },
            code="email_taken",
        )


def _division_fields(division_code: str) -> dict[str, str]:
    division = regions.resolve_division(division_code)
    if division is None:
        return {"division_code": division_code}
    return {
        "division_code": division_code,
        "province": division.province_name or "",
        "city": division.city_name or "",
        "district": division.district_name or "",
    }


def register_enterprise(
    *,
    actor: User | None = None,
    organization_name: str,
    uscc: str,
    email: str,
    password: str,
    full_name: str,
    organization_name_en: str = "",
    phone: str = "",
    request: HttpRequest | None = None,
) -> Membership:
    """Self-registration of an enterprise and its first administrator.

    The USCC is validated (check character, length, letters) and its division code resolved; an
    unknown division never rejects a valid USCC. A USCC or email already registered is refused
    with a clear message and nothing stored changes. The email must be verified before login.
    """
    parsed = regions.parse_uscc(uscc)
    email = _normalize_email(email)
    with transaction.atomic():
        if Organization.objects.filter(uscc=parsed.code).exists():
            raise ValidationError(
                {
                    "uscc": _(
                        "This enterprise is already registered. Ask its administrator to "
                        "add you as a member."
                    )
                },
                code="uscc_taken",
            )
        _check_email_free(email)
        user = User(email=email, full_name=full_name.strip(), phone=phone.strip())
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValidationError({"password1": exc.messages}, code="weak_password") from exc
        user.set_password(password)
        try:
            with transaction.atomic():
                user.save()
                organization = Organization.objects.create(
                    kind=OrgKind.ENTERPRISE,
                    name=organization_name.strip(),
                    name_en=organization_name_en.strip(),
                    uscc=parsed.code,
                    **_division_fields(parsed.division_code),
                )
        except IntegrityError as exc:  # a concurrent registration won the race
            raise ValidationError(
                _("This enterprise or email was registered a moment ago. Please log in."),
                code="registration_race",
            ) from exc
        membership = Membership.objects.create(
            user=user, organization=organization, role=Role.ENTERPRISE_ADMIN
        )
        address = EmailAddress.objects.create(user=user, email=email, primary=True)
        record_event(
            actor=user,
            action="accounts.enterprise_registered",
            target=organization,
            organization=organization,
            after={
                "name": organization.name,
                "uscc": organization.uscc,
                "division_code": organization.division_code,
                "email": email,
            },
            ip=client_ip(request) if request else None,
        )
        if request is not None:
            transaction.on_commit(lambda: _send_verification(request, address))
        from oipa.monitoring.rematch import queue_rematch  # disputes filed before it registered

        queue_rematch(organization_id=organization.pk)
    return membership


def _check_can_manage(actor: User, organization: Organization, role: str) -> None:
    membership = actor.membership
    if membership is None or not membership.can_manage_members:
        raise PermissionDenied
    own_enterprise = membership.organization_id == organization.pk and role in ENTERPRISE_ROLES
    if not (membership.is_center_admin or own_enterprise):
        raise PermissionDenied
    if organization.kind not in ROLE_KINDS[role]:
        raise ValidationError(
            {"role": _("This role does not exist in this kind of organization.")},
            code="role_kind",
        )


def invite_member(
    *,
    actor: User,
    organization: Organization,
    email: str,
    full_name: str,
    role: str,
    request: HttpRequest | None = None,
) -> Membership:
    """Create an account in an organization and email its owner a link to set a password.

    Center admins create staff accounts in any organization (staff are never self-registered);
    enterprise administrators add members to their own enterprise only.
    """
    email = _normalize_email(email)
    with transaction.atomic():
        _check_can_manage(actor, organization, role)
        _check_email_free(email)
        user = User(email=email, full_name=full_name.strip())
        user.set_unusable_password()
        user.is_staff = role == Role.CENTER_ADMIN
        user.is_superuser = role == Role.CENTER_ADMIN
        user.save()
        membership = Membership.objects.create(user=user, organization=organization, role=role)
        # The invitation link proves ownership of the address, so it counts as verified.
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        record_event(
            actor=actor,
            action="accounts.member_invited",
            target=membership.user,
            organization=organization,
            after={"email": email, "role": role, "organization": str(organization.code)},
            ip=client_ip(request) if request else None,
        )
        if request is not None:
            transaction.on_commit(lambda: _send_set_password_link(request, email))
    return membership


def _send_verification(request: HttpRequest, address: EmailAddress) -> None:
    # allauth builds links from its request context, which may be gone by commit time.
    with request_context(request):
        send_verification_email_to_address(request, address, signup=True)


def _send_set_password_link(request: HttpRequest, email: str) -> None:
    with request_context(request):
        form = ResetPasswordForm(data={"email": email})
        if form.is_valid():
            form.save(request)


def deactivate_member(*, actor: User, membership: Membership, request=None) -> Membership:
    """Deactivate a membership; the person loses access to the organization's objects at once.

    Nobody can deactivate their own membership (an organization must not lose its last admin by
    accident); a second deactivation reports that it already happened.
    """
    with transaction.atomic():
        _check_can_manage(actor, membership.organization, membership.role)
        if membership.user_id == actor.pk:
            raise ValidationError(_("You cannot deactivate your own membership."), code="self")
        updated = Membership.objects.filter(pk=membership.pk, is_active=True).update(
            is_active=False
        )
        if updated == 0:
            raise ValidationError(_("This membership is already inactive."), code="stale")
        record_event(
            actor=actor,
            action="accounts.member_deactivated",
            target=membership.user,
            organization=membership.organization,
            before={"is_active": True, "role": membership.role},
            after={"is_active": False},
            ip=client_ip(request) if request else None,
        )
    membership.refresh_from_db()
    return membership


def create_organization(
    *,
    actor: User,
    kind: str,
    name: str,
    name_en: str = "",
    uscc: str = "",
    division_code: str = "",
    request=None,
) -> Organization:
    """Center admins register non-self-registered organizations (district offices, partner
    centers, associations, service institutions, mediation bodies, and enterprises on request).
    """
    membership = actor.membership
    if membership is None or not membership.is_center_admin:
        raise PermissionDenied
    fields: dict[str, str | None] = {"uscc": None}
    if uscc:
        parsed = regions.parse_uscc(uscc)
        fields = {"uscc": parsed.code, **_division_fields(parsed.division_code)}
    elif division_code:
        fields.update(_division_fields(division_code))
    if kind == OrgKind.ENTERPRISE and not fields["uscc"]:
        raise ValidationError({"uscc": _("An enterprise needs its USCC.")}, code="uscc_required")
    with transaction.atomic():
        if fields["uscc"] and Organization.objects.filter(uscc=fields["uscc"]).exists():
            raise ValidationError(
                {"uscc": _("An organization with this USCC already exists.")}, code="uscc_taken"
            )
        organization = Organization.objects.create(
            kind=kind, name=name.strip(), name_en=name_en.strip(), **fields
        )
        record_event(
            actor=actor,
            action="accounts.organization_created",
            target=organization,
            organization=organization,
            after={"kind": kind, "name": organization.name, "uscc": organization.uscc},
            ip=client_ip(request) if request else None,
        )
    return organization


def bootstrap_center_admin(
    *,
    actor: User | None = None,
    email: str,
    password: str,
    full_name: str = "",
    center_name: str = "",
) -> Membership:
    """Create the first Center administrator of a new installation (and the Center itself).

    Only for the command line: it refuses once any Center administrator exists, so it can never
    be used to take over a running installation.
    """
    email = _normalize_email(email)
    with transaction.atomic():
        if Membership.objects.filter(role=Role.CENTER_ADMIN, is_active=True).exists():
            raise ValidationError(
                _("A Center administrator already exists; ask them to create your account."),
                code="exists",
            )
        _check_email_free(email)
        center = Organization.objects.filter(kind=OrgKind.CENTER).first()
        if center is None:
            center = Organization.objects.create(
                kind=OrgKind.CENTER, name=center_name or _("Overseas IP Protection Center")
            )
        user = User(email=email, full_name=full_name, is_staff=True, is_superuser=True)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}, code="weak_password") from exc
        user.set_password(password)
        user.save()
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        membership = Membership.objects.create(
            user=user, organization=center, role=Role.CENTER_ADMIN
        )
        record_event(
            actor=actor,
            action="accounts.center_admin_bootstrapped",
            target=user,
            organization=center,
            after={"email": email},
        )
    return membership
