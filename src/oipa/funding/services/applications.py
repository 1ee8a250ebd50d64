"""The enterprise's side of a funding application: draft it against its own case, itemize
invoiced costs, submit within the cap, withdraw."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.assistance.models import Application
from oipa.assistance.services.files import check_upload
from oipa.assistance.workflow import Status as CaseStatus
from oipa.core import regions

from ..models import ClaimKind, CostItem, FundingApplication, FundingStatus, Programme
from ..money import check_currency, convert, share_of, to_money
from ._common import (
    audit,
    claim_invoice,
    not_after_today,
    rate_on,
    release_invoice,
    require_member,
    stale,
)

# "Concluded or ongoing": the Center has accepted the case.
FUNDABLE_CASE_STATES = {
    CaseStatus.ACCEPTED,
    CaseStatus.IN_GUIDANCE,
    CaseStatus.CONCLUDED,
    CaseStatus.CLOSED,
}
# Individual businesses (个体工商户) are natural persons, not legal persons or unincorporated
# organizations (Art. 18).
NOT_ELIGIBLE_ENTITY_TYPES = {"92"}
COUNTED = [FundingStatus.SECOND_REVIEW, FundingStatus.APPROVED, FundingStatus.PAID]


def eligibility_problem(organization) -> str | None:
    """Why the organization may not apply (Art. 18: legal persons and unincorporated
    organizations domiciled in Beijing), or None."""
    try:
        uscc = regions.parse_uscc(organization.uscc or "")
    except ValidationError:
        return _("Your organization has no valid unified social credit code.")
    if not regions.is_beijing_domicile(uscc.code):
        return _("Only organizations domiciled in Beijing may apply.")
    if uscc.code[:2] in NOT_ELIGIBLE_ENTITY_TYPES:
        return _("Individual businesses are not eligible; the programme funds legal persons.")
    return None


def create_funding_application(
    *, actor, programme: Programme, case: Application, note: str = ""
) -> FundingApplication:
    """A draft funding application by a member of the case's applicant enterprise, against its
    own accepted (ongoing or concluded) case, under an open programme it is eligible for."""
    require_member(actor, case.applicant_id)
    problem = eligibility_problem(case.applicant)
    if problem:
        raise ValidationError(problem, code="not_eligible")
    if not programme.is_open():
        raise ValidationError(
            _("The programme is not open for applications (%(opens)s – %(closes)s).")
            % {"opens": programme.opens_on, "closes": programme.closes_on},
            code="closed",
        )
    if case.status not in FUNDABLE_CASE_STATES:
        raise ValidationError(
            {"case": _("Funding is only for cases the Center has accepted (ongoing or concluded).")}
        )
    if programme.dispute_types and case.dispute_type not in programme.dispute_types:
        raise ValidationError({"case": _("This programme does not fund this kind of case.")})
    with transaction.atomic():
        application = FundingApplication.objects.create(
            programme=programme, applicant=case.applicant, case=case, note=note, created_by=actor
        )
        audit(
            actor,
            application,
            "funding.application_created",
            organization=case.applicant,
            after={"programme": programme.name, "case": case.number},
        )
    return application


def _locked(application: FundingApplication) -> FundingApplication:
    return (
        FundingApplication.objects.select_for_update()
        .select_related("programme", "applicant")
        .get(pk=application.pk)
    )


def _require_draft(application: FundingApplication) -> None:
    if application.status != FundingStatus.DRAFT:
        raise ValidationError(
            _("Items can only be changed while the application is a draft."), code="not_draft"
        )


def add_cost_item(
    *,
    actor,
    application: FundingApplication,
    cost_type: str,
    description: str,
    issuer: str,
    invoice_number: str,
    invoice_date: date,
    currency: str,
    amount,
    upload,
) -> CostItem:
    """Add one invoiced cost to a draft: checked (positive amount, known currency with a
    recorded rate, invoice not dated after today, a covered cost type, an acceptable file),
    converted to CNY at the latest rate on or before the invoice date, and its invoice reserved
    in the registry so it cannot be claimed anywhere else."""
    require_member(actor, application.applicant_id)
    errors: dict[str, list[str]] = {}
    if cost_type not in application.programme.cost_types:
        errors.setdefault("cost_type", []).append(_("The programme does not cover this cost type."))
    if not (description or "").strip():
        errors.setdefault("description", []).append(_("Describe the cost."))
    parsed: dict = {}
    for name, check in (
        ("amount", lambda: to_money(amount)),
        ("currency", lambda: check_currency(currency)),
        ("invoice_date", lambda: not_after_today(invoice_date)),
    ):
        try:
            parsed[name] = check()
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                errors.setdefault(key, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    rate, rate_date = rate_on(parsed["currency"], invoice_date)
    content_type, sha256 = check_upload(upload)
    amount_cny = convert(parsed["amount"], rate)
    with transaction.atomic():
        application = _locked(application)
        _require_draft(application)
        item = CostItem(
            application=application,
            cost_type=cost_type,
            description=description.strip(),
            issuer=issuer.strip(),
            invoice_number=invoice_number.strip(),
            invoice_date=invoice_date,
            currency=parsed["currency"],
            amount=parsed["amount"],
            rate=rate,
            rate_date=rate_date,
            amount_cny=amount_cny,
            requested_cny=share_of(amount_cny, application.programme.share_percent),
            original_name=PurePath(upload.name or "invoice").name[:255],
            content_type=content_type,
            sha256=sha256,
        )
        claim_invoice(
            issuer=item.issuer,
            number=item.invoice_number,
            kind=ClaimKind.PROGRAMME,
            organization=application.applicant,
            reference=str(item.code),
        )
        item.file.save("invoice", upload, save=False)
        item.save()
        audit(
            actor,
            application,
            "funding.item_added",
            organization=application.applicant,
            after={
                "invoice": item.invoice_number,
                "amount": f"{item.amount} {item.currency}",
                "rate": item.rate,
                "amount_cny": item.amount_cny,
            },
        )
    return item


def remove_cost_item(*, actor, item: CostItem) -> None:
    """Remove an item from a draft and free its invoice."""
    application = item.application
    require_member(actor, application.applicant_id)
    with transaction.atomic():
        application = _locked(application)
        _require_draft(application)
        release_invoice(issuer=item.issuer, number=item.invoice_number, reference=str(item.code))
        item.delete()
        audit(
            actor,
            application,
            "funding.item_removed",
            organization=application.applicant,
            before={"invoice": item.invoice_number},
        )


def used_cap(application: FundingApplication) -> Decimal:
    """What the applicant already has granted or under approval in this programme this year,
    other applications than `application`."""
    year = timezone.localdate().year
    used = (
        FundingApplication.objects.filter(
            programme_id=application.programme_id,
            applicant_id=application.applicant_id,
            status__in=COUNTED,
            submitted_at__year=year,
        )
        .exclude(pk=application.pk)
        .aggregate(total=Sum("granted_total"))["total"]
    )
    return used or Decimal("0.00")


def check_cap(application: FundingApplication, amount: Decimal) -> None:
    """Refuse `amount` when it passes what remains of the yearly cap per applicant."""
    remaining = application.programme.cap_per_applicant - used_cap(application)
    if amount > remaining:
        raise ValidationError(
            _(
                "The amount covered (%(amount)s CNY) exceeds what remains of the cap per "
                "applicant this year (%(remaining)s CNY)."
            )
            % {"amount": amount, "remaining": max(remaining, Decimal("0.00"))},
            code="over_cap",
        )


def submit_funding_application(*, actor, application: FundingApplication) -> FundingApplication:
    """Send a draft with at least one item to the Center, within the yearly cap."""
    require_member(actor, application.applicant_id)
    with transaction.atomic():
        application = _locked(application)
        _require_draft(application)
        items = list(application.items.all())
        if not items:
            raise ValidationError(_("Add at least one invoiced cost."), code="no_items")
        if not application.programme.is_open():
            raise ValidationError(_("The programme's window has closed."), code="closed")
        for item in items:
            not_after_today(item.invoice_date)
        requested = sum((item.requested_cny for item in items), Decimal("0.00"))
        check_cap(application, requested)
        updated = FundingApplication.objects.filter(
            pk=application.pk, status=FundingStatus.DRAFT
        ).update(status=FundingStatus.SUBMITTED, submitted_at=timezone.now())
        if not updated:
            raise stale()
        application.refresh_from_db()
        audit(
            actor,
            application,
            "funding.application_submitted",
            organization=application.applicant,
            after={"requested": requested},
        )
    return application


def withdraw_funding_application(*, actor, application: FundingApplication) -> FundingApplication:
    """The applicant withdraws before a decision; its invoices are freed."""
    require_member(actor, application.applicant_id)
    with transaction.atomic():
        application = _locked(application)
        current = application.status
        if current not in (FundingStatus.DRAFT, FundingStatus.SUBMITTED):
            raise ValidationError(
                _("A decided application cannot be withdrawn."), code="invalid_transition"
            )
        if not FundingApplication.objects.filter(pk=application.pk, status=current).update(
            status=FundingStatus.WITHDRAWN
        ):
            raise stale()
        release_all(application)
        application.refresh_from_db()
        audit(
            actor,
            application,
            "funding.application_withdrawn",
            organization=application.applicant,
            before={"status": current},
        )
    return application


def release_all(application: FundingApplication) -> None:
    for item in application.items.all():
        release_invoice(issuer=item.issuer, number=item.invoice_number, reference=str(item.code))
