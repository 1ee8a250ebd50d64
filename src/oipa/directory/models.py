"""Service directory (Art. 8, 14): service institutions, their reviewed changes, the municipal
directory of quality foreign-related IP service institutions, and mediation/arbitration bodies.

A listing's own row holds its *live* values, the ones the public sees. An institution's staff
never write to it: they propose a `ListingChange`, and only a Center review copies the proposed
values onto the listing. Workflows are in `services.py`; these models keep invariants only.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .access import InstitutionQuerySet, MediationBodyQuerySet


class InstitutionKind(models.TextChoices):
    LAW_FIRM = "law_firm", _("Law firm")
    PATENT_AGENCY = "patent_agency", _("Patent agency")
    TRADEMARK_AGENCY = "trademark_agency", _("Trademark agency")
    CONSULTANCY = "consultancy", _("IP consultancy")


class Service(models.TextChoices):
    """What an institution offers enterprises facing IP matters abroad."""

    LITIGATION = "litigation", _("Overseas IP litigation")
    ITC_337 = "itc_337", _("US ITC Section 337 defence")
    OPPOSITION = "opposition", _("Trademark opposition and invalidation")
    FILING = "filing", _("Overseas patent and trademark filing")
    CUSTOMS = "customs", _("Customs recordation and seizures")
    PLATFORM = "platform", _("E-commerce platform complaints")
    FTO = "fto", _("Freedom-to-operate and due diligence")
    LICENSING = "licensing", _("Licensing and transactions")
    TRADE_SECRET = "trade_secret", _("Trade secret protection")
    RISK_WARNING = "risk_warning", _("Risk warning and monitoring")
    COMPLIANCE = "compliance", _("IP compliance programmes")


class Language(models.TextChoices):
    """Working languages (ISO 639-1 codes)."""

    ZH = "zh", _("Chinese")
    EN = "en", _("English")
    JA = "ja", _("Japanese")
    KO = "ko", _("Korean")
    DE = "de", _("German")
    FR = "fr", _("French")
    ES = "es", _("Spanish")
    PT = "pt", _("Portuguese")
    RU = "ru", _("Russian")
    AR = "ar", _("Arabic")
    VI = "vi", _("Vietnamese")
    TH = "th", _("Thai")
    ID = "id", _("Indonesian")
    TR = "tr", _("Turkish")


class ListingStatus(models.TextChoices):
    NEW = "new", _("Awaiting first review")
    LISTED = "listed", _("Listed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class BilingualName(models.Model):
    """Abstract base: `name` is the Chinese or English name for the active language."""

    name_zh = models.CharField(_("Chinese name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if (get_language() or "").lower().startswith("zh"):
            return self.name_zh or self.name_en
        return self.name_en or self.name_zh


class Contact(models.Model):
    """Abstract base: how enterprises reach a listed body."""

    contact_person = models.CharField(_("contact person"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        abstract = True


class Institution(BilingualName, Contact):
    """A service institution (law firm, patent/trademark agency, consultancy) in the directory.

    The public sees it only while `status` is LISTED. `organization` is the platform
    organization whose institution staff may propose changes to it (at most one listing per
    organization). `services` and `languages` are lists of `Service` and `Language` codes;
    `partners` a list of {"name", "country"} of partner firms abroad.
    """

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=ListingStatus.choices, default=ListingStatus.NEW
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InstitutionKind.choices)
    uscc = models.CharField(
        _("unified social credit code"), max_length=18, null=True, blank=True, unique=True
    )
    organization = models.OneToOneField(
        "accounts.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="directory_listing",
        verbose_name=_("platform organization"),
    )
    countries = models.ManyToManyField(
        "taxonomy.Jurisdiction",
        blank=True,
        related_name="+",
        verbose_name=_("countries and offices covered"),
    )
    services = models.JSONField(_("services offered"), default=list, blank=True)
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    partners = models.JSONField(_("partner firms abroad"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    listed_at = models.DateTimeField(_("first listed at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        verbose_name = _("service institution")
        verbose_name_plural = _("service institutions")
        ordering = ["name_zh"]

    def service_labels(self) -> list[str]:
        return [str(Service(code).label) for code in self.services if code in Service.values]

    def language_labels(self) -> list[str]:
        return [str(Language(code).label) for code in self.languages if code in Language.values]


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("Pending review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SUPERSEDED = "superseded", _("Replaced by a later proposal")


class ListingChange(models.Model):
    """A proposed revision of an institution's listing, waiting for the Center's review.

    `data` holds every editable value as proposed (see `listing.InstitutionDetails`); approval
    copies it onto the listing, rejection keeps the listing as it was and records `reason`.
    At most one change per institution is pending; a newer proposal supersedes it.
    """

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="changes",
        verbose_name=_("institution"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ChangeStatus.choices, default=ChangeStatus.PENDING
    )
    data = models.JSONField(_("proposed values"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reason = models.TextField(_("reason for rejection"), blank=True)

    class Meta:
        verbose_name = _("listing change")
        verbose_name_plural = _("listing changes")
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution"],
                condition=Q(status="pending"),
                name="one_pending_change_per_institution",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.institution} {self.proposed_at:%Y-%m-%d %H:%M}"


class QualityDirectory(models.Model):
    """One year's municipal directory of quality foreign-related IP service institutions.

    Prepared by the Center (entries added while `published_on` is empty) and then published as
    a dated list; only published editions are public.
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("quality directory")
        verbose_name_plural = _("quality directories")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


class QualityDirectoryEntry(models.Model):
    """An institution's membership in one year's quality directory."""

    edition = models.ForeignKey(
        QualityDirectory,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("edition"),
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        related_name="quality_entries",
        verbose_name=_("institution"),
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("quality directory entry")
        verbose_name_plural = _("quality directory entries")
        ordering = ["edition", "institution__name_zh"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "institution"], name="quality_entry_once"),
        ]

    def __str__(self) -> str:
        return f"{self.edition.year} {self.institution}"


class BodyKind(models.TextChoices):
    MEDIATION = "mediation", _("Mediation")
    ARBITRATION = "arbitration", _("Arbitration")
    BOTH = "both", _("Mediation and arbitration")


class MediationBody(BilingualName, Contact):
    """A mediation or arbitration body the Center refers disputes to (Art. 14).

    Maintained by Center staff; public while LISTED. `dispute_types` lists
    `taxonomy.DisputeType` codes; `jurisdictions` where the disputes it takes arise.
    """

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=ListingStatus.choices, default=ListingStatus.LISTED
    )
    kind = models.CharField(_("kind"), max_length=12, choices=BodyKind.choices)
    dispute_types = models.JSONField(_("dispute types taken"), default=list, blank=True)
    jurisdictions = models.ManyToManyField(
        "taxonomy.Jurisdiction",
        blank=True,
        related_name="+",
        verbose_name=_("jurisdictions taken"),
    )
    rules_url = models.URLField(_("rules"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = MediationBodyQuerySet.as_manager()

    class Meta:
        verbose_name = _("mediation or arbitration body")
        verbose_name_plural = _("mediation and arbitration bodies")
        ordering = ["name_zh"]

    def dispute_type_labels(self) -> list[str]:
        from oipa.core.taxonomy.choices import DisputeType

        return [str(DisputeType(c).label) for c in self.dispute_types if c in DisputeType.values]
