"""The expert pool (Art. 19): profiles, expertise, availability, declared conflicts, invitations
to cases, volunteer service hours and batch assignment proposals.

Models keep data and invariants only; every change goes through `services.py`. Who may see
what is decided by the `visible_to` querysets in `access.py`.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oipa.assistance.models import ExpertRole

from .access import ExpertProfileQuerySet, InvitationQuerySet, ProposalQuerySet

USER = settings.AUTH_USER_MODEL


class Category(models.TextChoices):
    NATIONAL_EXPERT = "national_expert", _("National overseas-dispute expert")
    FOREIGN_LAWYER = "foreign_lawyer", _("Foreign-related lawyer")
    IP_ATTORNEY = "ip_attorney", _("IP attorney or agent")
    TECHNICAL_EXPERT = "technical_expert", _("Technical expert")
    VOLUNTEER = "volunteer", _("Volunteer")
    PARTNER_EXPERT = "partner_expert", _("Partner-center expert (Tianjin/Hebei)")


class ProfileStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    RETIRED = "retired", _("Retired")


class ExpertProfile(models.Model):
    """One expert of the pool: the person, what they know, how much they can take on.

    Only an ACTIVE profile is recommended or invited. `max_concurrent_cases` bounds the cases in
    guidance plus pending invitations at any moment (checked under a row lock by the services).
    """

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        USER, on_delete=models.PROTECT, related_name="expert_profile", verbose_name=_("person")
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ProfileStatus.choices,
        default=ProfileStatus.ACTIVE,
        db_index=True,
    )
    employer = models.CharField(_("employer"), max_length=200, blank=True)
    title = models.CharField(_("professional title"), max_length=200, blank=True)
    ip_types = models.JSONField(_("IP types"), default=list, blank=True)
    dispute_types = models.JSONField(_("dispute types"), default=list, blank=True)
    jurisdictions = models.ManyToManyField(
        "taxonomy.Jurisdiction", blank=True, related_name="+", verbose_name=_("jurisdictions")
    )
    ipc_entries = models.ManyToManyField(
        "taxonomy.IPCEntry", blank=True, related_name="+", verbose_name=_("IPC fields")
    )
    nice_classes = models.ManyToManyField(
        "taxonomy.NiceClass", blank=True, related_name="+", verbose_name=_("Nice classes")
    )
    industries = models.ManyToManyField(
        "taxonomy.Industry", blank=True, related_name="+", verbose_name=_("industries")
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("ISO 639-1 codes, e.g. zh, en, de.")
    )
    years_of_experience = models.PositiveSmallIntegerField(_("years of experience"), default=0)
    bio = models.TextField(_("biography"), blank=True)
    max_concurrent_cases = models.PositiveSmallIntegerField(
        _("maximum concurrent cases"), default=3
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ExpertProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")
        ordering = ["user__full_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_concurrent_cases__gte=1), name="expert_capacity_positive"
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def is_volunteer(self) -> bool:
        return self.category == Category.VOLUNTEER


class Unavailability(models.Model):
    """A period in which the expert takes no new cases (abroad, on leave), both days included."""

    expert = models.ForeignKey(
        ExpertProfile,
        on_delete=models.CASCADE,
        related_name="unavailability",
        verbose_name=_("expert"),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("unavailability period")
        verbose_name_plural = _("unavailability periods")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="unavailability_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on} – {self.ends_on}"


class ConflictKind(models.TextChoices):
    CLIENT = "client", _("Client")
    ADVERSARY = "adversary", _("Adversary")
    RELATED = "related", _("Related organization")


class ConflictDeclaration(models.Model):
    """An organization the expert declares a conflict with. Withdrawing keeps the row
    (`withdrawn_at`), so what excluded an expert from a case can always be shown."""

    expert = models.ForeignKey(
        ExpertProfile, on_delete=models.CASCADE, related_name="conflicts", verbose_name=_("expert")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ConflictKind.choices)
    name = models.CharField(_("organization name"), max_length=300)
    declared_at = models.DateTimeField(_("declared at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("conflict declaration")
        verbose_name_plural = _("conflict declarations")
        ordering = ["declared_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ExpertInvitation(models.Model):
    """The Center's invitation to an expert to guide a case as lead or member. Accepting makes
    the expert a `CaseExpert` of the case; the score and reason shown to staff are kept."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        "assistance.Application",
        on_delete=models.CASCADE,
        related_name="expert_invitations",
        verbose_name=_("application"),
    )
    expert = models.ForeignKey(
        ExpertProfile,
        on_delete=models.PROTECT,
        related_name="invitations",
        verbose_name=_("expert"),
    )
    role = models.CharField(_("role"), max_length=10, choices=ExpertRole.choices)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
        db_index=True,
    )
    score = models.FloatField(_("match score"), default=0)
    reason = models.CharField(_("why recommended"), max_length=300, blank=True)
    invited_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("invited by")
    )
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert invitation")
        verbose_name_plural = _("expert invitations")
        ordering = ["-invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "expert"],
                condition=Q(status="pending"),
                name="one_pending_invitation_per_expert_and_case",
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(status="pending", role="lead"),
                name="one_pending_lead_invitation_per_case",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expert} → {self.application} ({self.get_status_display()})"


class ServiceHours(models.Model):
    """Hours an expert (volunteers above all) spent on a case, reported per year."""

    expert = models.ForeignKey(
        ExpertProfile, on_delete=models.PROTECT, related_name="hours", verbose_name=_("expert")
    )
    application = models.ForeignKey(
        "assistance.Application",
        on_delete=models.PROTECT,
        related_name="expert_hours",
        verbose_name=_("application"),
    )
    worked_on = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    note = models.CharField(_("what was done"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("service hours")
        verbose_name_plural = _("service hours")
        ordering = ["-worked_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0, hours__lte=24), name="service_hours_0_to_24"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expert} {self.worked_on}: {self.hours}"


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Awaiting review")
    CONFIRMED = "confirmed", _("Confirmed: invitations sent")
    DISCARDED = "discarded", _("Discarded")


class AssignmentProposal(models.Model):
    """A batch assignment of experts to waiting cases, computed by the solver and reviewed by
    staff; confirming it sends the invitations."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    team_size = models.PositiveSmallIntegerField(_("team size"), default=1)
    objective = models.FloatField(_("total match score"), default=0)
    greedy_objective = models.FloatField(_("greedy total match score"), default=0)
    created_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment proposal")
        verbose_name_plural = _("assignment proposals")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"


class ProposedAssignment(models.Model):
    """One expert on one case in a proposal."""

    proposal = models.ForeignKey(
        AssignmentProposal,
        on_delete=models.CASCADE,
        related_name="rows",
        verbose_name=_("proposal"),
    )
    application = models.ForeignKey(
        "assistance.Application",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("application"),
    )
    expert = models.ForeignKey(
        ExpertProfile, on_delete=models.CASCADE, related_name="+", verbose_name=_("expert")
    )
    role = models.CharField(_("role"), max_length=10, choices=ExpertRole.choices)
    score = models.FloatField(_("match score"))
    reason = models.CharField(_("why recommended"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("proposed assignment")
        verbose_name_plural = _("proposed assignments")
        ordering = ["application_id", "role", "-score"]

    def __str__(self) -> str:
        return f"{self.expert} → {self.application}"
