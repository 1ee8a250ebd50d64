"""Forms of the funding pages: they parse input; the services decide what is allowed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from oipa.core.taxonomy.choices import DisputeType

from .models import CostType, ItemDecision
from .money import currency_choices

DATE = forms.DateInput(attrs={"type": "date"})


class ApplyForm(forms.Form):
    case = forms.ChoiceField(label=_("Guidance case"))
    note = forms.CharField(label=_("Note to the Center"), widget=forms.Textarea, required=False)

    def __init__(self, *args, cases=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].choices = [(str(c.code), f"{c.number} {c.title}") for c in cases]


class CostItemForm(forms.Form):
    cost_type = forms.ChoiceField(label=_("Cost type"), choices=CostType.choices)
    description = forms.CharField(label=_("Description"), max_length=300)
    issuer = forms.CharField(label=_("Invoice issuer"), max_length=200)
    invoice_number = forms.CharField(label=_("Invoice number"), max_length=100)
    invoice_date = forms.DateField(label=_("Invoice date"), widget=DATE)
    currency = forms.CharField(
        label=_("Currency (ISO 4217)"),
        max_length=3,
        initial="USD",
        widget=forms.TextInput(attrs={"list": "currencies", "size": 4}),
    )
    amount = forms.DecimalField(label=_("Amount"), max_digits=14, decimal_places=2)
    invoice_file = forms.FileField(label=_("Invoice file"))

    currencies = currency_choices


class ItemReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[c for c in ItemDecision.choices if c[0]]
    )
    accepted_cny = forms.DecimalField(
        label=_("Accepted cost (CNY)"), max_digits=14, decimal_places=2, required=False
    )
    reason = forms.CharField(label=_("Reason"), required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False)


class PaymentForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount (CNY)"), max_digits=14, decimal_places=2)
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE)
    reference = forms.CharField(label=_("Bank reference"), max_length=100)


class RateForm(forms.Form):
    currency = forms.CharField(label=_("Currency (ISO 4217)"), max_length=3)
    rate_date = forms.DateField(label=_("Rate date"), widget=DATE)
    rate = forms.DecimalField(label=_("CNY per unit"), max_digits=16, decimal_places=6)
    source = forms.CharField(label=_("Source"), max_length=100, required=False)


class ProgrammeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    budget = forms.DecimalField(label=_("Budget (CNY)"), max_digits=14, decimal_places=2)
    cost_types = forms.MultipleChoiceField(
        label=_("Cost types covered"),
        choices=CostType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    dispute_types = forms.MultipleChoiceField(
        label=_("Kinds of case (none = any)"),
        choices=DisputeType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    share_percent = forms.DecimalField(label=_("Share covered (%)"), max_digits=5, decimal_places=2)
    cap_per_applicant = forms.DecimalField(
        label=_("Cap per applicant per year (CNY)"), max_digits=14, decimal_places=2
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=DATE)
    closes_on = forms.DateField(label=_("Closes on"), widget=DATE)


class ContributionForm(forms.Form):
    member = forms.ChoiceField(label=_("Member"))
    amount = forms.DecimalField(label=_("Amount (CNY)"), max_digits=14, decimal_places=2)
    received_on = forms.DateField(label=_("Received on"), widget=DATE)
    reference = forms.CharField(label=_("Bank reference"), max_length=100, required=False)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [(str(m.code), m.organization.name) for m in members]


class AdmitForm(forms.Form):
    organization = forms.ChoiceField(label=_("Enterprise"))
    joined_on = forms.DateField(label=_("Joined on"), widget=DATE)

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(str(o.code), o.name) for o in organizations]


class FundClaimForm(forms.Form):
    case = forms.ChoiceField(label=_("Dispute (guidance case)"))
    amount = forms.DecimalField(label=_("Amount claimed (CNY)"), max_digits=14, decimal_places=2)
    issuer = forms.CharField(label=_("Invoice issuer"), max_length=200)
    invoice_number = forms.CharField(label=_("Invoice number"), max_length=100)
    invoice_date = forms.DateField(label=_("Invoice date"), widget=DATE)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea)

    def __init__(self, *args, cases=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].choices = [(str(c.code), f"{c.number} {c.title}") for c in cases]


class ClaimDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("reject", _("Reject"))]
    )
    approved_amount = forms.DecimalField(
        label=_("Approved amount (CNY)"), max_digits=14, decimal_places=2, required=False
    )
    note = forms.CharField(label=_("Note"), required=False)


class ClaimPaymentForm(forms.Form):
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE)
    reference = forms.CharField(label=_("Bank reference"), max_length=100, required=False)
