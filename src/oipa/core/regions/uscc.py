"""Unified social credit codes (统一社会信用代码, GB 32100-2015): normalize, validate, parse.

python-stdnum decides validity; this module turns its verdict into localized Django
ValidationErrors (codes "uscc_length", "uscc_format", "uscc_checksum") and splits a valid code into
its parts: registration authority (1), entity type (2), division code (3-8), organization code
(9-17) and check character (18). The division code never makes a valid code invalid.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.cn import uscc as stdnum_uscc

from .divisions import Division, resolve_division

LENGTH = 18
ALPHABET = frozenset("0123456789ABCDEFGHJKLMNPQRTUWXY")
FORBIDDEN_LETTERS = "IOZSV"
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015]+")

REGISTRATION_AUTHORITIES: Mapping[str, Promise] = {
    "1": _("Institutional establishment office"),
    "2": _("Foreign affairs"),
    "3": _("Judicial administration"),
    "4": _("Culture"),
    "5": _("Civil affairs"),
    "6": _("Tourism"),
    "7": _("Religious affairs"),
    "8": _("Trade unions"),
    "9": _("Market regulation (industry and commerce)"),
}
_OTHER = _("Other")
ENTITY_TYPES: Mapping[str, Promise] = {
    "11": _("Government agency"),
    "12": _("Public institution"),
    "13": _("Mass organization"),
    "21": _("Resident foreign news agency"),
    "31": _("Law firm"),
    "32": _("Notary office"),
    "33": _("Grassroots legal service office"),
    "34": _("Forensic appraisal institution"),
    "35": _("Arbitration commission"),
    "41": _("Foreign cultural centre"),
    "51": _("Social organization"),
    "52": _("Private non-enterprise unit"),
    "53": _("Foundation"),
    "61": _("Representative office of a foreign tourism authority"),
    "62": _("Representative office of a Hong Kong, Macao or Taiwan tourism authority"),
    "71": _("Venue for religious activities"),
    "72": _("Religious school"),
    "81": _("Grassroots trade union"),
    "91": _("Enterprise"),
    "92": _("Individual business"),
    "93": _("Farmers' specialized cooperative"),
} | {f"{authority}9": _OTHER for authority in "12345678"}


@dataclass(frozen=True, slots=True)
class Uscc:
    """A valid USCC split into its parts; labels are lazy translations, None where unknown."""

    code: str
    registration_authority: str
    registration_authority_label: Promise | None = field(repr=False)
    entity_type: str
    entity_type_label: Promise | None = field(repr=False)
    division_code: str
    org_code: str
    division: Division | None

    @property
    def province_code(self) -> str:
        """The two-digit province prefix, which alone decides domicile."""
        return self.division_code[:2]


def normalize_uscc(value: str) -> str:
    """Compact upper-case form: full-width characters folded, spaces and hyphens removed.

    Does not validate: "9111 0000-6000 3734 1l" gives "91110000600037341L".
    """
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", value)).upper()


def parse_uscc(value: str) -> Uscc:
    """Validate a USCC with python-stdnum and split it into its parts.

    Raises ValidationError with code "uscc_length" (not 18 characters), "uscc_format" (first
    eight not digits, letters I/O/Z/S/V, other foreign characters) or "uscc_checksum" (check
    character wrong). An unknown division code is not an error: `division` is then the province
    and city known from its prefix, or None when even the province prefix is unknown.
    """
    code = normalize_uscc(value)
    try:
        stdnum_uscc.validate(code)
    except stdnum_errors.InvalidLength:
        raise ValidationError(
            _("A unified social credit code has 18 characters; this one has %(length)d."),
            code="uscc_length",
            params={"length": len(code)},
        ) from None
    except stdnum_errors.InvalidFormat:
        raise format_error(code) from None
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _(
                "The check character (the last one) does not match the rest of the code; "
                "please look for a typing mistake."
            ),
            code="uscc_checksum",
        ) from None
    return Uscc(
        code=code,
        registration_authority=code[0],
        registration_authority_label=REGISTRATION_AUTHORITIES.get(code[0]),
        entity_type=code[1],
        entity_type_label=ENTITY_TYPES.get(code[:2]),
        division_code=code[2:8],
        org_code=code[8:17],
        division=resolve_division(code[2:8]),
    )


def format_error(code: str) -> ValidationError:
    """The most specific "uscc_format" error for an 18-character code stdnum rejected."""
    letters = "".join(dict.fromkeys(c for c in code if c in FORBIDDEN_LETTERS))
    if letters:
        return ValidationError(
            _(
                "The letters I, O, Z, S and V never appear in a unified social credit code "
                "(found: %(letters)s); they are often typed by mistake for 1, 0, 2, 5 and U."
            ),
            code="uscc_format",
            params={"letters": ", ".join(letters)},
        )
    if not all("0" <= c <= "9" for c in code[:8]):
        return ValidationError(
            _(
                "The first eight characters of a unified social credit code (registration "
                "authority, entity type and division code) must be digits."
            ),
            code="uscc_format",
        )
    bad = "".join(dict.fromkeys(c for c in code if c not in ALPHABET))
    return ValidationError(
        _("The code contains characters that are not allowed: %(characters)s."),
        code="uscc_format",
        params={"characters": " ".join(bad)},
    )
