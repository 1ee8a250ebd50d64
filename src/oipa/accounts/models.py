"""Users, organizations, memberships and roles.

Every user belongs to an organization through a membership with a role. Roles are data: a
`TextChoices` with small boolean properties, not a permissions framework. Which objects a user may
see is decided by each model's `visible_to(user)` queryset.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class OrgKind(models.TextChoices):
    CENTER = "center", _("Beijing Center")
    PARTNER_CENTER = "partner_center", _("Partner center (Tianjin/Hebei)")
    ENTERPRISE = "enterprise", _("Enterprise")
    DISTRICT_OFFICE = "district_office", _("District IP office")
    ASSOCIATION = "association", _("Industry association")
    SERVICE_INSTITUTION = "service_institution", _("Service institution")
    MEDIATION_BODY = "mediation_body", _("Mediation or arbitration body")


class Role(models.TextChoices):
    CENTER_ADMIN = "center_admin", _("Center administrator")
    CENTER_STAFF = "center_staff", _("Center staff")
    AUDITOR = "auditor", _("Auditor")
    PARTNER_STAFF = "partner_staff", _("Partner center staff")
    ENTERPRISE_ADMIN = "enterprise_admin", _("Enterprise administrator")
    ENTERPRISE_MEMBER = "enterprise_member", _("Enterprise member")
    DISTRICT_OFFICER = "district_officer", _("District officer")
    ASSOCIATION_STAFF = "association_staff", _("Association staff")
    INSTITUTION_STAFF = "institution_staff", _("Service institution staff")
    EXPERT = "expert", _("Expert")
    MEDIATOR = "mediator", _("Mediator")


# Which roles make sense in which kind of organization.
ROLE_KINDS: dict[str, set[str]] = {
    Role.CENTER_ADMIN: {OrgKind.CENTER},
    Role.CENTER_STAFF: {OrgKind.CENTER},
    Role.AUDITOR: {OrgKind.CENTER},
    Role.PARTNER_STAFF: {OrgKind.PARTNER_CENTER},
    Role.ENTERPRISE_ADMIN: {OrgKind.ENTERPRISE},
    Role.ENTERPRISE_MEMBER: {OrgKind.ENTERPRISE},
    Role.DISTRICT_OFFICER: {OrgKind.DISTRICT_OFFICE},
    Role.ASSOCIATION_STAFF: {OrgKind.ASSOCIATION},
    Role.INSTITUTION_STAFF: {OrgKind.SERVICE_INSTITUTION},
    Role.EXPERT: {OrgKind.SERVICE_INSTITUTION, OrgKind.CENTER, OrgKind.PARTNER_CENTER},
    Role.MEDIATOR: {OrgKind.MEDIATION_BODY},
}


class UserManager(BaseUserManager["User"]):
    """Creates users keyed by email; used by services and `createsuperuser` only."""

    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with an email address. Users are deactivated, never deleted."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("admin site access"), default=False, help_text=_("Center administrators only.")
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    password_changed_at = models.DateTimeField(_("password changed at"), null=True, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Emails and notifications are written in this language."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def set_password(self, raw_password: str | None) -> None:
        super().set_password(raw_password)
        self.password_changed_at = timezone.now()

    @cached_property
    def membership(self) -> Membership | None:
        """The user's active membership (a user acts for one organization at a time)."""
        return (
            self.memberships.filter(is_active=True, organization__is_active=True)
            .select_related("organization")
            .order_by("created_at")
            .first()
        )

    @property
    def organization(self) -> Organization | None:
        return self.membership.organization if self.membership else None

    @property
    def role(self) -> str | None:
        return self.membership.role if self.membership else None


class OrganizationQuerySet(models.QuerySet):
    def visible_to(self, user) -> OrganizationQuerySet:
        """Center staff and auditors see every organization; others only their own."""
        membership = getattr(user, "membership", None) if user.is_authenticated else None
        if membership is None:
            return self.none()
        if membership.is_center:
            return self.all()
        return self.filter(pk=membership.organization_id)


class Organization(models.Model):
    """An organization taking part in the service: the Center, an enterprise, a district office…

    Enterprises carry a USCC (统一社会信用代码); its division code decides domicile (province)
    and, where the code is known, the city and district.
    """

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=32, choices=OrgKind.choices)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    uscc = models.CharField(
        _("unified social credit code"), max_length=18, null=True, blank=True, unique=True
    )
    division_code = models.CharField(_("division code"), max_length=6, blank=True)
    province = models.CharField(_("province"), max_length=40, blank=True)
    city = models.CharField(_("city"), max_length=40, blank=True)
    district = models.CharField(_("district"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=OrgKind.ENTERPRISE) | Q(uscc__isnull=False),
                name="enterprise_has_uscc",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def province_code(self) -> str:
        return self.division_code[:2]


class Membership(models.Model):
    """A user's role in an organization."""

    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("user")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organization"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_org"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.get_role_display()})"

    def clean(self) -> None:
        if self.organization_id and self.organization.kind not in ROLE_KINDS[self.role]:
            raise ValidationError(
                {"role": _("This role does not exist in this kind of organization.")}
            )

    @property
    def is_center(self) -> bool:
        return self.role in (Role.CENTER_ADMIN, Role.CENTER_STAFF, Role.AUDITOR)

    @property
    def is_center_staff(self) -> bool:
        return self.role in (Role.CENTER_ADMIN, Role.CENTER_STAFF)

    @property
    def is_center_admin(self) -> bool:
        return self.role == Role.CENTER_ADMIN

    @property
    def is_auditor(self) -> bool:
        return self.role == Role.AUDITOR

    @property
    def is_enterprise(self) -> bool:
        return self.role in (Role.ENTERPRISE_ADMIN, Role.ENTERPRISE_MEMBER)

    @property
    def is_partner(self) -> bool:
        return self.role == Role.PARTNER_STAFF

    @property
    def is_expert(self) -> bool:
        return self.role == Role.EXPERT

    @property
    def is_district_officer(self) -> bool:
        return self.role == Role.DISTRICT_OFFICER

    @property
    def is_association(self) -> bool:
        return self.role == Role.ASSOCIATION_STAFF

    @property
    def is_institution(self) -> bool:
        return self.role == Role.INSTITUTION_STAFF

    @property
    def is_mediator(self) -> bool:
        return self.role == Role.MEDIATOR

    @property
    def requires_mfa(self) -> bool:
        return self.is_center

    @property
    def is_privileged(self) -> bool:
        """Accounts whose passwords expire: Center admins and auditors."""
        return self.role in (Role.CENTER_ADMIN, Role.AUDITOR)

    @property
    def can_view_audit(self) -> bool:
        return self.role in (Role.CENTER_ADMIN, Role.AUDITOR)

    @property
    def can_manage_accounts(self) -> bool:
        return self.role == Role.CENTER_ADMIN

    @property
    def can_manage_reference_data(self) -> bool:
        return self.role == Role.CENTER_ADMIN

    @property
    def can_manage_members(self) -> bool:
        return self.role in (Role.CENTER_ADMIN, Role.ENTERPRISE_ADMIN)
