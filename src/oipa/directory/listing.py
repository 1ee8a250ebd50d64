"""The values of a listing as entered (by a form, the API or a builder), and their validation.

`InstitutionDetails` and `MediationDetails` are what services accept; `validate_*` return a
normalized copy or raise a ValidationError keyed by field with localized messages. Text is plain
text: markup is refused rather than silently changed, so nobody's input is lost unseen.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _

from oipa.core import regions
from oipa.core.taxonomy.choices import DisputeType
from oipa.core.taxonomy.models import Jurisdiction

from .models import BodyKind, InstitutionKind, Language, Service

MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|&#?[a-zA-Z0-9]+;")
TEXT_LIMITS = {
    "name_zh": 200,
    "name_en": 200,
    "contact_person": 100,
    "phone": 40,
    "address": 300,
    "description": 4000,
}
MAX_PARTNERS = 50


@dataclass(frozen=True)
class Contact:
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    address: str = ""


@dataclass(frozen=True)
class InstitutionDetails(Contact):
    """Every value an institution's listing shows; `partners` are (name, country code) pairs."""

    name_zh: str = ""
    name_en: str = ""
    kind: str = InstitutionKind.LAW_FIRM
    uscc: str = ""
    countries: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    partners: tuple[tuple[str, str], ...] = ()
    description: str = ""

    def as_data(self) -> dict[str, Any]:
        """JSON-able form, as stored on a proposed change."""
        data = asdict(self)
        data["countries"] = list(self.countries)
        data["services"] = list(self.services)
        data["languages"] = list(self.languages)
        data["partners"] = [{"name": n, "country": c} for n, c in self.partners]
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> InstitutionDetails:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["partners"] = tuple(
            (p.get("name", ""), p.get("country", "")) for p in data.get("partners", [])
        )
        for name in ("countries", "services", "languages"):
            known[name] = tuple(data.get(name, ()))
        return cls(**known)

    @classmethod
    def of(cls, institution: Any) -> InstitutionDetails:
        """The live values of a listing."""
        return cls(
            name_zh=institution.name_zh,
            name_en=institution.name_en,
            kind=institution.kind,
            uscc=institution.uscc or "",
            countries=tuple(sorted(j.code for j in institution.countries.all())),
            services=tuple(institution.services),
            languages=tuple(institution.languages),
            partners=tuple((p["name"], p["country"]) for p in institution.partners),
            description=institution.description,
            contact_person=institution.contact_person,
            phone=institution.phone,
            email=institution.email,
            website=institution.website,
            address=institution.address,
        )


@dataclass(frozen=True)
class MediationDetails(Contact):
    """Every value a mediation or arbitration body's listing shows."""

    name_zh: str = ""
    name_en: str = ""
    kind: str = BodyKind.MEDIATION
    dispute_types: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    rules_url: str = ""
    description: str = ""


class _Errors:
    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def raise_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def _clean_text(values: dict[str, Any], errors: _Errors, name: str, *, required=False) -> None:
    text = str(values.get(name) or "").strip()
    if name != "description":
        text = " ".join(text.split())
    values[name] = text
    if required and not text:
        errors.add(name, _("This field is required."))
    elif len(text) > TEXT_LIMITS.get(name, 300):
        errors.add(
            name, _("Use at most %(limit)d characters.") % {"limit": TEXT_LIMITS.get(name, 300)}
        )
    elif MARKUP.search(text):
        errors.add(name, _("Use plain text: HTML tags and entities are not allowed."))


def _clean_contact(values: dict[str, Any], errors: _Errors) -> None:
    for name in ("contact_person", "phone", "address", "description"):
        _clean_text(values, errors, name)
    values["email"] = str(values.get("email") or "").strip().lower()
    if values["email"]:
        try:
            EmailValidator()(values["email"])
        except ValidationError:
            errors.add("email", _("Enter a valid email address."))
    for name in ("website", "rules_url"):
        if name not in values:
            continue
        values[name] = str(values.get(name) or "").strip()
        if values[name]:
            try:
                URLValidator(schemes=["http", "https"])(values[name])
            except ValidationError:
                errors.add(name, _("Enter a web address starting with http:// or https://."))


def _clean_codes(
    values: dict[str, Any], errors: _Errors, name: str, allowed: set[str], message: str
) -> None:
    codes = [str(code).strip() for code in values.get(name) or ()]
    unknown = [code for code in codes if code not in allowed]
    if unknown:
        errors.add(name, message % {"codes": ", ".join(unknown)})
    values[name] = tuple(dict.fromkeys(c for c in codes if c in allowed))


def _clean_jurisdictions(values: dict[str, Any], errors: _Errors, name: str) -> None:
    codes = [str(code).strip().upper() for code in values.get(name) or ()]
    known = set(Jurisdiction.objects.filter(code__in=codes).values_list("code", flat=True))
    unknown = [code for code in codes if code not in known]
    if unknown:
        errors.add(
            name,
            _("Unknown country or office codes: %(codes)s.") % {"codes": ", ".join(unknown)},
        )
    values[name] = tuple(sorted(set(codes) & known))


def _clean_partners(values: dict[str, Any], errors: _Errors) -> None:
    partners = []
    for name, country in values.get("partners") or ():
        name = " ".join(str(name).split())
        country = str(country).strip().upper()
        if not name or len(name) > 200 or MARKUP.search(name):
            errors.add("partners", _("Give each partner firm a plain-text name."))
            continue
        partners.append((name, country))
    if len(partners) > MAX_PARTNERS:
        errors.add("partners", _("List at most %(n)d partner firms.") % {"n": MAX_PARTNERS})
    countries = {"partners": [c for _n, c in partners]}
    _clean_jurisdictions(countries, errors, "partners")
    values["partners"] = tuple(partners)


def validate_institution(details: InstitutionDetails) -> InstitutionDetails:
    """The details normalized (whitespace, upper-case codes, no duplicates), or a
    ValidationError naming every wrong field."""
    values = asdict(details)
    values["partners"] = details.partners
    errors = _Errors()
    _clean_text(values, errors, "name_zh", required=True)
    _clean_text(values, errors, "name_en")
    _clean_contact(values, errors)
    if values["kind"] not in InstitutionKind.values:
        errors.add("kind", _("Choose a kind of institution."))
    if values["uscc"]:
        try:
            values["uscc"] = regions.parse_uscc(values["uscc"]).code
        except ValidationError as exc:
            errors.errors.setdefault("uscc", []).extend(exc.messages)
    _clean_jurisdictions(values, errors, "countries")
    _clean_codes(values, errors, "services", set(Service.values), _("Unknown services: %(codes)s."))
    _clean_codes(
        values, errors, "languages", set(Language.values), _("Unknown languages: %(codes)s.")
    )
    _clean_partners(values, errors)
    errors.raise_any()
    return replace(details, **values)


def validate_mediation_body(details: MediationDetails) -> MediationDetails:
    """The details normalized, or a ValidationError naming every wrong field."""
    values = asdict(details)
    errors = _Errors()
    _clean_text(values, errors, "name_zh", required=True)
    _clean_text(values, errors, "name_en")
    _clean_contact(values, errors)
    if values["kind"] not in BodyKind.values:
        errors.add("kind", _("Choose mediation, arbitration or both."))
    _clean_codes(
        values,
        errors,
        "dispute_types",
        set(DisputeType.values),
        _("Unknown dispute types: %(codes)s."),
    )
    _clean_jurisdictions(values, errors, "jurisdictions")
    errors.raise_any()
    return replace(details, **values)
