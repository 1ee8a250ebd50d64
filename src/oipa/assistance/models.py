"""Guidance applications and everything that hangs off a case.

Models keep data and invariants only; every status change goes through `services.py` and the
transition table in `workflow.py`. Who may see what is decided by `Application.objects.visible_to`.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oipa.accounts.models import Organization, User
from oipa.core.taxonomy.choices import DisputeType

from .access import ApplicationQuerySet
from .workflow import Status

USER = settings.AUTH_USER_MODEL


class OurRole(models.TextChoices):
    DEFENDANT = "defendant", _("Defendant")
    PLAINTIFF = "plaintiff", _("Plaintiff")
    RESPONDENT = "respondent", _("Respondent")
    COMPLAINANT = "complainant", _("Complainant")
    APPLICANT = "applicant", _("Applicant")
    OPPONENT = "opponent", _("Opponent")


class JointGuidance(models.TextChoices):
    NONE = "", _("No")
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")


class Outcome(models.TextChoices):
    SETTLED = "settled", _("Settled")
    WON = "won", _("Won")
    LOST = "lost", _("Lost")
    WITHDRAWN_BY_COUNTERPARTY = "withdrawn_by_counterparty", _("Withdrawn by the counterparty")
    DEFAULT_JUDGMENT = "default_judgment", _("Default judgment")
    ONGOING = "ongoing", _("Ongoing without further guidance")
    OTHER = "other", _("Other")


class Application(models.Model):
    """An enterprise's request for overseas dispute response guidance (Art. 12), and the case
    the Center runs on it. `number` (京海援〔2026〕0001号) is given on first submission."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("case number"), max_length=40, blank=True, db_index=True)
    applicant = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("applicant"),
    )
    created_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    idempotency_key = models.UUIDField(_("idempotency key"), null=True, blank=True)

    title = models.CharField(_("short title"), max_length=200, blank=True)
    ip_types = models.JSONField(_("IP types"), default=list, blank=True)
    dispute_type = models.CharField(
        _("dispute type"), max_length=40, choices=DisputeType.choices, blank=True
    )
    jurisdictions = models.ManyToManyField(
        "taxonomy.Jurisdiction", blank=True, related_name="+", verbose_name=_("jurisdictions")
    )
    forum = models.CharField(
        _("forum"),
        max_length=200,
        blank=True,
        help_text=_("Court, office or platform, e.g. US – N.D. Illinois."),
    )
    our_role = models.CharField(_("our role"), max_length=20, choices=OurRole.choices, blank=True)
    case_numbers = models.CharField(_("case numbers"), max_length=300, blank=True)
    served_on = models.DateField(_("served on"), null=True, blank=True)
    response_deadline = models.DateField(
        _("response deadline"), null=True, blank=True, db_index=True
    )
    hearing_on = models.DateField(_("hearing date"), null=True, blank=True)
    ipc_codes = models.JSONField(_("IPC codes"), default=list, blank=True)
    nice_classes = models.JSONField(_("Nice classes"), default=list, blank=True)
    industry = models.ForeignKey(
        "taxonomy.Industry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("industry"),
    )
    products = models.TextField(_("products involved"), blank=True)
    amount_at_stake = models.DecimalField(
        _("amount at stake"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True, default="USD")
    description = models.TextField(_("description of the dispute"), blank=True)
    help_wanted = models.TextField(_("help wanted"), blank=True)
    consent_data_use = models.BooleanField(_("consent to data use"), default=False)
    consent_share_contacts = models.BooleanField(
        _("consent to share contact details with partner centers"), default=False
    )

    confidential = models.BooleanField(_("confidential"), default=False)
    supervisors: models.ManyToManyField[User, Any] = models.ManyToManyField(
        USER, blank=True, related_name="supervised_applications", verbose_name=_("supervisors")
    )
    case_officer = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officer_applications",
        verbose_name=_("case officer"),
    )
    joint_guidance = models.CharField(
        _("joint guidance"),
        max_length=12,
        blank=True,
        choices=JointGuidance.choices,
        default=JointGuidance.NONE,
    )
    major_jjj_impact = models.BooleanField(_("major impact on JJJ industry"), default=False)
    partner_centers = models.ManyToManyField(
        Organization, blank=True, related_name="joint_cases", verbose_name=_("partner centers")
    )

    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    first_guidance_at = models.DateTimeField(_("first guidance at"), null=True, blank=True)
    concluded_at = models.DateTimeField(_("concluded at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    decision_note = models.TextField(_("reason or request"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("outcome details"), blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    feedback = models.TextField(_("feedback"), blank=True)
    feedback_at = models.DateTimeField(_("feedback at"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("guidance application")
        verbose_name_plural = _("guidance applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["applicant", "idempotency_key"], name="one_application_per_idempotency_key"
            ),
            models.UniqueConstraint(
                fields=["number"], condition=~models.Q(number=""), name="unique_case_number"
            ),
            models.CheckConstraint(
                condition=models.Q(satisfaction__isnull=True)
                | models.Q(satisfaction__gte=1, satisfaction__lte=5),
                name="satisfaction_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return self.number or self.title or str(_("Draft application"))


class CaseNumberSequence(models.Model):
    """The last case number given in a year; locked while the next one is taken."""

    year = models.PositiveIntegerField(_("year"), unique=True)
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("case number sequence")
        verbose_name_plural = _("case number sequences")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class PartyKind(models.TextChoices):
    COUNTERPARTY = "counterparty", _("Counterparty")
    CO_PARTY = "co_party", _("Co-party")


class Party(models.Model):
    """A counterparty or co-party named in an application; `province` (GB/T 2260 prefix) is
    derived from the USCC when given, and drives the joint-guidance proposal."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="parties", verbose_name=_("application")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PartyKind.choices)
    name = models.CharField(_("name"), max_length=300)
    uscc = models.CharField(_("USCC"), max_length=18, blank=True)
    province = models.CharField(_("province code"), max_length=2, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["kind", "pk"]

    def __str__(self) -> str:
        return self.name


class ExpertRole(models.TextChoices):
    LEAD = "lead", _("Lead expert")
    MEMBER = "member", _("Member")


class CaseExpert(models.Model):
    """An expert assigned to a case (the hook the expert-pool issue builds on)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="experts", verbose_name=_("application")
    )
    expert = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="expert_cases", verbose_name=_("expert")
    )
    role = models.CharField(_("role"), max_length=10, choices=ExpertRole.choices)
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    assigned_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("assigned by")
    )

    class Meta:
        verbose_name = _("case expert")
        verbose_name_plural = _("case experts")
        constraints = [
            models.UniqueConstraint(fields=["application", "expert"], name="expert_once_per_case"),
            models.UniqueConstraint(
                fields=["application"], condition=models.Q(role="lead"), name="one_lead_expert"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expert} ({self.get_role_display()})"


class Message(models.Model):
    """A message between the enterprise and the Center on a case."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("application"),
    )
    author = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.body[:50]


class GuidanceKind(models.TextChoices):
    CONSULTATION = "consultation", _("Consultation")
    OPINION = "opinion", _("Written guidance opinion")


class GuidanceRecord(models.Model):
    """A consultation held or a written opinion given on a case."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="guidance",
        verbose_name=_("application"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=GuidanceKind.choices)
    held_on = models.DateField(_("date"))
    attendees = models.CharField(_("attendees"), max_length=500, blank=True)
    summary = models.TextField(_("summary"))
    attachment = models.ForeignKey(
        "Attachment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )
    recorded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("guidance record")
        verbose_name_plural = _("guidance records")
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on}"


class ReferralKind(models.TextChoices):
    MEDIATION = "mediation", _("Mediation")
    ARBITRATION = "arbitration", _("Arbitration")


class Referral(models.Model):
    """A referral of the case to a mediation or arbitration body (Art. 14) and its outcome."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="referrals",
        verbose_name=_("application"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReferralKind.choices)
    body = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("mediation or arbitration body"),
    )
    note = models.TextField(_("note"), blank=True)
    referred_at = models.DateTimeField(_("referred at"), default=timezone.now)
    outcome = models.TextField(_("outcome"), blank=True)
    outcome_at = models.DateTimeField(_("outcome recorded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["referred_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.body}"


class AttachmentKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint or claim")
    EVIDENCE = "evidence", _("Evidence")
    LETTER = "letter", _("Letter or notice")
    OPINION = "opinion", _("Guidance opinion")
    OTHER = "other", _("Other")


def attachment_path(instance: Attachment, filename: str) -> str:
    """Random name, no user-supplied parts: files never land where a URL could guess them."""
    return f"attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """A file on a case, stored under a random name and served only by a checked view."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("application"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class FileAccess(models.Model):
    """Who viewed or downloaded a file of a confidential case, and when (shown to the applicant)."""

    attachment = models.ForeignKey(
        Attachment, on_delete=models.CASCADE, related_name="accesses", verbose_name=_("attachment")
    )
    user = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("user")
    )
    accessed_at = models.DateTimeField(_("accessed at"), default=timezone.now)

    class Meta:
        verbose_name = _("file access")
        verbose_name_plural = _("file accesses")
        ordering = ["-accessed_at"]

    def __str__(self) -> str:
        return f"{self.user} {self.accessed_at:%Y-%m-%d %H:%M}"


class ClockKind(models.TextChoices):
    ACCEPTANCE = "acceptance", _("Decision on acceptance")
    ASSIGNMENT = "assignment", _("Experts assigned")
    FIRST_GUIDANCE = "first_guidance", _("First guidance")


class SlaClock(models.Model):
    """A service-level clock counted in Chinese working days.

    Started by one transition and stopped by another; a request for more information pauses the
    acceptance clock and answering it resumes the clock with the working days that were left.
    """

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="clocks", verbose_name=_("application")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ClockKind.choices)
    started_on = models.DateField(_("started on"))
    due_on = models.DateField(_("due on"))
    provisional = models.BooleanField(_("provisional"), default=False)
    paused_on = models.DateField(_("paused on"), null=True, blank=True)
    stopped_on = models.DateField(_("stopped on"), null=True, blank=True)
    reminded_on = models.DateField(_("reminded on"), null=True, blank=True)

    class Meta:
        verbose_name = _("SLA clock")
        verbose_name_plural = _("SLA clocks")
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], name="one_clock_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.due_on}"

    @property
    def running(self) -> bool:
        return self.stopped_on is None and self.paused_on is None

    @property
    def met(self) -> bool | None:
        """True/False once stopped; None while it runs."""
        if self.stopped_on is None:
            return None
        return self.stopped_on <= self.due_on
