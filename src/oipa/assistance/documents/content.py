"""What each formal document says, as plain data (no layout): title, addressee and blocks.

Texts follow the documents provincial standards define for this service (e.g. Anhui
DB34/T 5367-2026). Callers activate the language (documents are issued in Chinese).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Field
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from oipa.core.taxonomy.choices import IPType

from ..dispute_fields import applicable_fields
from ..models import Application, GuidanceKind, Outcome, PartyKind
from .history import DocumentKind as K
from .history import Issuance

EMPTY = "—"


@dataclass(frozen=True)
class Block:
    """A paragraph (`text`) and/or a label–value table (`rows`), under an optional heading."""

    heading: str = ""
    text: str = ""
    rows: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FormalDocument:
    """One formal document of a case, ready to be laid out."""

    kind: str
    title: str
    number: str
    issued_on: date
    addressee: str
    blocks: tuple[Block, ...]


TITLES: dict[str, Callable[[], str]] = {
    K.APPLICATION_FORM: lambda: _("Application form for overseas IP dispute response guidance"),
    K.INFO_REQUEST: lambda: _("Notice requesting more material"),
    K.NON_ACCEPTANCE: lambda: _("Notice of non-acceptance"),
    K.ACCEPTANCE: lambda: _("Notice of acceptance"),
    K.GUIDANCE_OPINION: lambda: _("Guidance opinion"),
    K.TERMINATION: lambda: _("Notice ending guidance"),
}


def build_document(application: Application, issuance: Issuance) -> FormalDocument:
    """The document `issuance` stands for, filled in from the case."""
    blocks = BUILDERS[issuance.kind](application, issuance)
    addressee = "" if issuance.kind == K.APPLICATION_FORM else application.applicant.name
    return FormalDocument(
        kind=issuance.kind,
        title=TITLES[issuance.kind](),
        number=application.number,
        issued_on=issuance.issued_on,
        addressee=addressee,
        blocks=tuple(blocks),
    )


def day(value: date | None) -> str:
    return date_format(value, "DATE_FORMAT") if value else EMPTY


def _facts(application: Application) -> dict[str, str]:
    return {"number": application.number, "date": day(_submitted_on(application))}


def _submitted_on(application: Application) -> date | None:
    return timezone.localdate(application.submitted_at) if application.submitted_at else None


def _label(name: str) -> str:
    field = Application._meta.get_field(name)
    assert isinstance(field, Field)  # only concrete fields are labelled
    return capfirst(str(field.verbose_name))


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def _parties(application: Application, kind: str) -> str:
    names = [
        f"{p.name} ({p.country})" if p.country else p.name
        for p in application.parties.all()
        if p.kind == kind
    ]
    return "; ".join(names) or EMPTY


def _applicant_rows(application: Application) -> list[tuple[str, str]]:
    org = application.applicant
    contact = application.created_by
    return [
        (_("Applicant"), org.name),
        (_("Unified social credit code"), org.uscc or EMPTY),
        (_("Registered in"), "".join([org.province, org.city, org.district]) or EMPTY),
        (_("Contact person"), f"{contact} <{contact.email}>"),
    ]


def _dispute_rows(application: Application) -> list[tuple[str, str]]:
    app = application
    shown = applicable_fields(app.dispute_type)
    rows = [
        (_label("title"), app.title or EMPTY),
        (_label("ip_types"), ", ".join(str(IPType(t).label) for t in app.ip_types) or EMPTY),
        (_label("dispute_type"), app.get_dispute_type_display() or EMPTY),
        (_label("jurisdictions"), ", ".join(j.title for j in app.jurisdictions.all()) or EMPTY),
        (_label("our_role"), app.get_our_role_display() or EMPTY),
        (_("Counterparties"), _parties(app, PartyKind.COUNTERPARTY)),
        (_("Co-parties"), _parties(app, PartyKind.CO_PARTY)),
    ]
    for name in ("forum", "case_numbers"):
        if name in shown:
            rows.append((_label(name), getattr(app, name) or EMPTY))
    for name in ("served_on", "hearing_on"):
        if name in shown:
            rows.append((_label(name), day(getattr(app, name))))
    amount = f"{app.amount_at_stake:,} {app.currency}" if app.amount_at_stake is not None else ""
    rows += [
        (_label("response_deadline"), day(app.response_deadline)),
        (_label("ipc_codes"), ", ".join(app.ipc_codes) or EMPTY),
        (_label("nice_classes"), ", ".join(str(n) for n in app.nice_classes) or EMPTY),
        (_label("industry"), app.industry.title if app.industry else EMPTY),
        (_label("products"), app.products or EMPTY),
        (_label("amount_at_stake"), amount or EMPTY),
        (_label("confidential"), _yes_no(app.confidential)),
        (_label("consent_data_use"), _yes_no(app.consent_data_use)),
        (_label("consent_share_contacts"), _yes_no(app.consent_share_contacts)),
    ]
    return rows


def _application_form(application: Application, issuance: Issuance) -> list[Block]:
    return [
        Block(heading=_("Applicant"), rows=tuple(_applicant_rows(application))),
        Block(heading=_("The dispute"), rows=tuple(_dispute_rows(application))),
        Block(heading=_label("description"), text=application.description or EMPTY),
        Block(heading=_label("help_wanted"), text=application.help_wanted or EMPTY),
        Block(rows=((_label("submitted_at"), day(_submitted_on(application))),)),
    ]


def _info_request(application: Application, issuance: Issuance) -> list[Block]:
    return [
        Block(
            text=_(
                "We have received your application for overseas IP dispute response guidance "
                "submitted on %(date)s (case number %(number)s). Before the Center can decide "
                "whether to accept it, please supplement the following:"
            )
            % _facts(application)
        ),
        Block(text=issuance.data.get("request", "") or EMPTY),
        Block(
            text=_(
                "Please provide the material through the platform. The time limit for deciding "
                "on acceptance is suspended until the Center receives it."
            )
        ),
    ]


def _non_acceptance(application: Application, issuance: Issuance) -> list[Block]:
    return [
        Block(
            text=_(
                "We have examined your application for overseas IP dispute response guidance "
                "submitted on %(date)s (case number %(number)s). The Center has decided not to "
                "accept it, for the following reason:"
            )
            % _facts(application)
        ),
        Block(text=issuance.data.get("reason", "") or EMPTY),
        Block(text=_("If you have questions about this decision, please contact the Center.")),
    ]


def _acceptance(application: Application, issuance: Issuance) -> list[Block]:
    rows = [(_("Case officer"), issuance.data.get("case_officer_name", EMPTY))]
    if settings.CENTER_PHONE:
        rows.append((_("Telephone"), settings.CENTER_PHONE))
    return [
        Block(
            text=_(
                "Your application for overseas IP dispute response guidance submitted on "
                "%(date)s (case number %(number)s) has been accepted. The Center will arrange "
                "experts to guide your response to the dispute."
            )
            % _facts(application)
        ),
        Block(rows=tuple(rows)),
        Block(text=_("Please quote the case number in all communication with the Center.")),
    ]


def _guidance_opinion(application: Application, issuance: Issuance) -> list[Block]:
    blocks = [
        Block(
            text=_(
                "Having examined your case (case number %(number)s), the Center gives the "
                "following guidance:"
            )
            % _facts(application)
        )
    ]
    for record in application.guidance.select_related("attachment"):
        rows = []
        if record.kind == GuidanceKind.CONSULTATION and record.attendees:
            rows.append((_("Attendees"), record.attendees))
        if record.attachment is not None:
            rows.append((_("Document"), record.attachment.original_name))
        heading = f"{record.get_kind_display()} · {day(record.held_on)}"
        blocks.append(Block(heading=heading, text=record.summary, rows=tuple(rows)))
    blocks.append(
        Block(
            text=_(
                "This guidance is for your reference in responding to the dispute; it does not "
                "replace the advice of the lawyers representing you."
            )
        )
    )
    return blocks


def _termination(application: Application, issuance: Issuance) -> list[Block]:
    facts = {"number": application.number, "date": day(issuance.issued_on)}
    if issuance.data.get("withdrawn"):
        opening = _(
            "As you withdrew your application, guidance on your case (case number %(number)s) "
            "ended on %(date)s."
        )
        rows = [(_("Reason"), issuance.data.get("reason") or EMPTY)]
    else:
        opening = _("Guidance on your case (case number %(number)s) ended on %(date)s.")
        outcome = issuance.data.get("outcome", "")
        label = Outcome(outcome).label if outcome in Outcome.values else EMPTY
        rows = [(_label("outcome"), str(label))]
        if outcome == application.outcome and application.outcome_note:
            rows.append((_label("outcome_note"), application.outcome_note))
    return [
        Block(text=opening % facts),
        Block(rows=tuple(rows)),
        Block(
            text=_(
                "Should the dispute develop further, you may apply to the Center again. Please "
                "tell us through the platform how satisfied you are with the guidance."
            )
        ),
    ]


BUILDERS: dict[str, Callable[[Application, Issuance], list[Block]]] = {
    K.APPLICATION_FORM: _application_form,
    K.INFO_REQUEST: _info_request,
    K.NON_ACCEPTANCE: _non_acceptance,
    K.ACCEPTANCE: _acceptance,
    K.GUIDANCE_OPINION: _guidance_opinion,
    K.TERMINATION: _termination,
}
