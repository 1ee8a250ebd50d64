"""Reference taxonomies shipped as data: jurisdictions, Nice classes, IPC and industries.

Rows are written only by `loader.sync_reference_data` from the files in `data/` (and pycountry for
countries); every model carries an English and a Chinese title and shows the one matching the
active language through `title`.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .choices import IPCLevel, JurisdictionKind, NiceKind


class BilingualTitle(models.Model):
    """Abstract base: `title` is the zh or en title for the active language, else the other one."""

    title_en: str
    title_zh: str

    class Meta:
        abstract = True

    @property
    def title(self) -> str:
        if (get_language() or "").lower().startswith("zh"):
            return self.title_zh or self.title_en
        return self.title_en or self.title_zh


class Jurisdiction(BilingualTitle):
    """A country or territory (ISO 3166-1) or an IP office acting for several of them.

    `code` is the ISO alpha-2 code for countries; offices use their WIPO ST.3 code: "EU" for the
    European Union (EUIPO), "EP" for the European Patent Office, "WO" for WIPO. The loader never
    changes `is_active`, so an administrator may hide a jurisdiction from choice lists.
    """

    code = models.CharField(_("code"), max_length=2, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=JurisdictionKind.choices)
    alpha3 = models.CharField(_("ISO alpha-3 code"), max_length=3, blank=True)
    numeric = models.CharField(_("ISO numeric code"), max_length=3, blank=True)
    title_en = models.CharField(_("English title"), max_length=200)
    title_zh = models.CharField(_("Chinese title"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class NiceClass(BilingualTitle):
    """One of the 45 Nice classes of goods (1–34) and services (35–45), with its class heading."""

    number = models.PositiveSmallIntegerField(
        _("class number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(45)]
    )
    kind = models.CharField(_("kind"), max_length=8, choices=NiceKind.choices)
    title_en = models.TextField(_("English heading"))
    title_zh = models.TextField(_("Chinese heading"), blank=True)

    class Meta:
        verbose_name = _("Nice class")
        verbose_name_plural = _("Nice classes")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=45), name="nice_number_1_to_45"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number:02d} {self.title}"


class IPCEntry(BilingualTitle):
    """An IPC section ("H"), class ("H04") or subclass ("H04W"); `parent` is the level above.

    English titles are WIPO's; Chinese titles exist for sections and classes and may be blank for
    subclasses (`title` then falls back to English).
    """

    symbol = models.CharField(_("symbol"), max_length=4, unique=True)
    level = models.CharField(_("level"), max_length=8, choices=IPCLevel.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    title_en = models.TextField(_("English title"))
    title_zh = models.TextField(_("Chinese title"), blank=True)

    class Meta:
        verbose_name = _("IPC entry")
        verbose_name_plural = _("IPC entries")
        ordering = ["symbol"]

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}"


class Industry(BilingualTitle):
    """A section (门类, A–T) of the national economic industry classification GB/T 4754-2017."""

    code = models.CharField(_("code"), max_length=1, unique=True)
    title_zh = models.CharField(_("Chinese title"), max_length=100)
    title_en = models.CharField(_("English title"), max_length=200)

    class Meta:
        verbose_name = _("industry")
        verbose_name_plural = _("industries")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
