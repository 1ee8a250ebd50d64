"""Information service (seed Art. 15, 20): country profiles, typical cases, guides, bulletins.

Every content item follows one editorial workflow (draft → in review → published → archived),
keeps a version row per change (`ContentVersion`) and is public only while published. Text comes
in Chinese and English; rich text is stored as entered and sanitized with nh3 when rendered.
"""

from __future__ import annotations

from uuid import uuid4

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from oipa.core.taxonomy.choices import DisputeType, IPType

from .access import EditorialQuerySet


class EditorialStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


# Allowed transitions: status → statuses it may move to (services enforce it).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    EditorialStatus.DRAFT: (EditorialStatus.IN_REVIEW,),
    EditorialStatus.IN_REVIEW: (EditorialStatus.PUBLISHED, EditorialStatus.DRAFT),
    EditorialStatus.PUBLISHED: (EditorialStatus.ARCHIVED, EditorialStatus.DRAFT),
    EditorialStatus.ARCHIVED: (EditorialStatus.DRAFT,),
}


class DeadlineEvent(models.TextChoices):
    OPPOSITION = "opposition", _("Trademark opposition")
    ANSWER = "answer", _("Answer to a civil complaint")
    ITC_RESPONSE = "itc_response", _("Response to an ITC Section 337 complaint")
    TRO_HEARING = "tro_hearing", _("Hearing before a temporary restraining order expires")
    APPEAL = "appeal", _("Appeal")
    INVALIDATION = "invalidation", _("Invalidation or cancellation")


class DeadlineUnit(models.TextChoices):
    DAYS = "days", _("calendar days")
    MONTHS = "months", _("months")


class DeadlineStart(models.TextChoices):
    PUBLICATION = "publication", _("publication")
    SERVICE = "service", _("service")
    FILING = "filing", _("filing")


class BusinessModel(models.TextChoices):
    CROSS_BORDER_ECOMMERCE = "cross_border_ecommerce", _("Cross-border e-commerce")
    SAAS = "saas", _("SaaS")
    NEW_ENERGY_VEHICLES = "new_energy_vehicles", _("New energy vehicles")
    BIOMEDICINE = "biomedicine", _("Biomedicine")
    CONSUMER_ELECTRONICS = "consumer_electronics", _("Consumer electronics")
    GAMES_AND_APPS = "games_and_apps", _("Games and apps")


class EditorialItem(models.Model):
    """Abstract base of every content item: public UUID, workflow status, version counter."""

    code = models.UUIDField(_("code"), default=uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EditorialStatus.choices,
        default=EditorialStatus.DRAFT,
        db_index=True,
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    title_zh = models.CharField(_("Chinese title"), max_length=300, blank=True)
    title_en = models.CharField(_("English title"), max_length=300, blank=True)

    objects = EditorialQuerySet.as_manager()
    kind = ""  # set by each concrete model: its search and version kind

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.localized("title")

    def localized(self, field: str) -> str:
        """`<field>_zh` or `<field>_en` for the active language, else the other one."""
        zh, en = getattr(self, f"{field}_zh"), getattr(self, f"{field}_en")
        if (get_language() or "").lower().startswith("zh"):
            return zh or en
        return en or zh

    @property
    def is_public(self) -> bool:
        return self.status == EditorialStatus.PUBLISHED


class CountryProfile(EditorialItem):
    """The IP system of one jurisdiction as Chinese enterprises meet it abroad (Art. 15).

    Structured lists (`offices`, `courts`, `litigation_stages`, `sources`) are JSON lists of small
    dicts with zh/en text; the machine-readable deadlines are `DeadlineFact` rows. One profile per
    jurisdiction.
    """

    jurisdiction = models.OneToOneField(
        "taxonomy.Jurisdiction",
        on_delete=models.PROTECT,
        related_name="knowledge_profile",
        verbose_name=_("jurisdiction"),
    )
    summary_zh = models.TextField(_("Chinese summary"), blank=True)
    summary_en = models.TextField(_("English summary"), blank=True)
    body_zh = models.TextField(_("Chinese text"), blank=True)
    body_en = models.TextField(_("English text"), blank=True)
    # [{"name_zh", "name_en", "url", "handles_zh", "handles_en"}]
    offices = models.JSONField(_("IP offices"), default=list, blank=True)
    courts = models.JSONField(_("courts and tribunals"), default=list, blank=True)
    # [{"stage_zh", "stage_en", "duration_zh", "duration_en"}]
    litigation_stages = models.JSONField(_("litigation stages"), default=list, blank=True)
    customs_zh = models.TextField(_("customs recordation (Chinese)"), blank=True)
    customs_en = models.TextField(_("customs recordation (English)"), blank=True)
    remedies_zh = models.TextField(_("enforcement and remedies (Chinese)"), blank=True)
    remedies_en = models.TextField(_("enforcement and remedies (English)"), blank=True)
    costs_zh = models.TextField(_("cost ranges (Chinese)"), blank=True)
    costs_en = models.TextField(_("cost ranges (English)"), blank=True)
    language_zh = models.TextField(_("language requirements (Chinese)"), blank=True)
    language_en = models.TextField(_("language requirements (English)"), blank=True)
    tips_zh = models.TextField(_("local tips (Chinese)"), blank=True)
    tips_en = models.TextField(_("local tips (English)"), blank=True)
    # [{"title", "url"}]
    sources = models.JSONField(_("sources"), default=list, blank=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    kind = "profile"  # the search and version kind

    class Meta:
        verbose_name = _("country profile")
        verbose_name_plural = _("country profiles")
        ordering = ["jurisdiction__code"]


class DeadlineFact(models.Model):
    """A machine-readable time limit of a profile's jurisdiction (read by `knowledge.facts`)."""

    profile = models.ForeignKey(
        CountryProfile,
        on_delete=models.CASCADE,
        related_name="deadlines",
        verbose_name=_("profile"),
    )
    event = models.CharField(_("event"), max_length=32, choices=DeadlineEvent.choices)
    amount = models.PositiveSmallIntegerField(_("amount"), validators=[MinValueValidator(1)])
    unit = models.CharField(_("unit"), max_length=8, choices=DeadlineUnit.choices)
    starts_from = models.CharField(_("starts from"), max_length=16, choices=DeadlineStart.choices)
    extension_zh = models.CharField(_("extension (Chinese)"), max_length=300, blank=True)
    extension_en = models.CharField(_("extension (English)"), max_length=300, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)
    source_url = models.URLField(_("source"), max_length=500)

    class Meta:
        verbose_name = _("deadline fact")
        verbose_name_plural = _("deadline facts")
        ordering = ["profile", "event"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "event"], name="knowledge_one_fact_per_event"
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=1), name="knowledge_fact_amount_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.amount} {self.unit}"


class TypicalCase(EditorialItem):
    """A typical case (典型案例): what happened abroad, how it ended, what to learn."""

    jurisdiction = models.ForeignKey(
        "taxonomy.Jurisdiction",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("jurisdiction"),
    )
    forum = models.CharField(_("forum"), max_length=200, blank=True)
    ip_type = models.CharField(_("IP type"), max_length=32, choices=IPType.choices)
    dispute_type = models.CharField(_("dispute type"), max_length=32, choices=DisputeType.choices)
    industry = models.ForeignKey(
        "taxonomy.Industry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("industry"),
    )
    parties = models.CharField(_("parties"), max_length=300, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    facts_zh = models.TextField(_("facts (Chinese)"), blank=True)
    facts_en = models.TextField(_("facts (English)"), blank=True)
    result_zh = models.TextField(_("result (Chinese)"), blank=True)
    result_en = models.TextField(_("result (English)"), blank=True)
    lessons_zh = models.TextField(_("lessons (Chinese)"), blank=True)
    lessons_en = models.TextField(_("lessons (English)"), blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)

    kind = "case"  # the search and version kind

    class Meta:
        verbose_name = _("typical case")
        verbose_name_plural = _("typical cases")
        ordering = ["-decided_on", "-id"]


class Guide(EditorialItem):
    """A guide or handbook (指引手册) with an optional PDF attachment and topic tags."""

    summary_zh = models.TextField(_("Chinese summary"), blank=True)
    summary_en = models.TextField(_("English summary"), blank=True)
    body_zh = models.TextField(_("Chinese text"), blank=True)
    body_en = models.TextField(_("English text"), blank=True)
    attachment = models.FileField(
        _("PDF attachment"),
        upload_to="knowledge/guides/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"])],
    )
    jurisdictions = models.ManyToManyField(
        "taxonomy.Jurisdiction", blank=True, related_name="+", verbose_name=_("jurisdictions")
    )
    industries = models.ManyToManyField(
        "taxonomy.Industry", blank=True, related_name="+", verbose_name=_("industries")
    )
    ip_types = models.JSONField(_("IP types"), default=list, blank=True)
    business_models = models.JSONField(_("new business models"), default=list, blank=True)

    kind = "guide"  # the search and version kind

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        ordering = ["-published_at", "-id"]


class Bulletin(EditorialItem):
    """News or a warning; when `push_to_subscribers`, publishing notifies subscribers once."""

    body_zh = models.TextField(_("Chinese text"), blank=True)
    body_en = models.TextField(_("English text"), blank=True)
    jurisdictions = models.ManyToManyField(
        "taxonomy.Jurisdiction", blank=True, related_name="+", verbose_name=_("jurisdictions")
    )
    industries = models.ManyToManyField(
        "taxonomy.Industry", blank=True, related_name="+", verbose_name=_("industries")
    )
    ip_types = models.JSONField(_("IP types"), default=list, blank=True)
    push_to_subscribers = models.BooleanField(_("push to subscribers"), default=False)
    pushed_at = models.DateTimeField(_("pushed at"), null=True, blank=True)

    kind = "bulletin"  # the search and version kind

    class Meta:
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")
        ordering = ["-published_at", "-id"]


class BulletinSubscription(models.Model):
    """An enterprise's wish to receive bulletins about some jurisdictions and/or industries.

    Empty lists mean "any"; a subscription with both empty receives every pushed bulletin.
    """

    organization = models.OneToOneField(
        "accounts.Organization",
        on_delete=models.CASCADE,
        related_name="bulletin_subscription",
        verbose_name=_("organization"),
    )
    jurisdictions = models.ManyToManyField(
        "taxonomy.Jurisdiction", blank=True, related_name="+", verbose_name=_("jurisdictions")
    )
    industries = models.ManyToManyField(
        "taxonomy.Industry", blank=True, related_name="+", verbose_name=_("industries")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("bulletin subscription")
        verbose_name_plural = _("bulletin subscriptions")

    def __str__(self) -> str:
        return str(self.organization)


class ContentVersion(models.Model):
    """One row per change of a content item: who, when, which status, a snapshot of its fields."""

    kind = models.CharField(_("kind"), max_length=16)
    item_code = models.UUIDField(_("item"), db_index=True)
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=16, choices=EditorialStatus.choices)
    snapshot = models.JSONField(_("snapshot"), default=dict, encoder=DjangoJSONEncoder)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")
        ordering = ["item_code", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["item_code", "number"], name="knowledge_version_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.item_code} v{self.number}"


class SearchEntry(models.Model):
    """One document of the search index (see `knowledge.search`); never edited by hand.

    `title_tokens`/`body_tokens` hold the jieba-segmented, space-separated text the full-text engine
    indexes (SQLite FTS5 table `knowledge_search_fts` keyed by this row's id; on PostgreSQL the
    `vector` column). Facet columns hold codes as "|US|EU|" so one LIKE selects them.
    """

    # Short columns first: SQLite then reads facets without walking the long text's pages.
    kind = models.CharField(_("kind"), max_length=16)
    key = models.CharField(_("key"), max_length=64)
    url = models.CharField(_("URL"), max_length=500)
    jurisdictions = models.CharField(_("jurisdictions"), max_length=500, blank=True)
    ip_types = models.CharField(_("IP types"), max_length=500, blank=True)
    industries = models.CharField(_("industries"), max_length=500, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    title = models.TextField(_("title"))
    body = models.TextField(_("body"), blank=True)
    title_tokens = models.TextField(_("title tokens"), blank=True)
    body_tokens = models.TextField(_("body tokens"), blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="knowledge_search_entry_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"
