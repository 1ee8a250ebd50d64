"""Stable codes for IP types, dispute types and the kinds used by the taxonomy models.

The codes are stored in other apps' rows and in the API, so they never change; only labels do.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IPType(models.TextChoices):
    TRADEMARK = "trademark", _("Trademark")
    PATENT = "patent", _("Patent")
    UTILITY_MODEL = "utility_model", _("Utility model")
    DESIGN = "design", _("Design")
    GEOGRAPHICAL_INDICATION = "geographical_indication", _("Geographical indication")
    TRADE_SECRET = "trade_secret", _("Trade secret")
    COPYRIGHT = "copyright", _("Copyright")


class DisputeType(models.TextChoices):
    LITIGATION = "litigation", _("Court litigation")
    ITC_337 = "itc_337", _("US ITC Section 337 investigation")
    OPPOSITION_INVALIDATION = "opposition_invalidation", _("Office opposition or invalidation")
    CUSTOMS_SEIZURE = "customs_seizure", _("Customs seizure")
    PLATFORM_COMPLAINT = "platform_complaint", _("E-commerce platform complaint or takedown")
    WARNING_LETTER = "warning_letter", _("Warning letter")
    ARBITRATION = "arbitration", _("Arbitration")
    CRIMINAL = "criminal", _("Criminal proceedings")


class NiceKind(models.TextChoices):
    GOODS = "goods", _("Goods")
    SERVICES = "services", _("Services")


class JurisdictionKind(models.TextChoices):
    COUNTRY = "country", _("Country or territory")
    REGIONAL_OFFICE = "regional_office", _("Regional office")
    INTERNATIONAL_OFFICE = "international_office", _("International office")


class IPCLevel(models.TextChoices):
    SECTION = "section", _("Section")
    CLASS = "class", _("Class")
    SUBCLASS = "subclass", _("Subclass")
