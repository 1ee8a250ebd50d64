"""Forms of the enterprise side: the guided application, its parties, and the case-page actions.

Every field of the application form is optional: a draft keeps whatever was typed, and the
services decide what submission requires (`dispute_fields.required_fields`). Fields that do not
apply to the chosen dispute type are removed from the form, so they are neither shown nor kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from oipa.core import regions
from oipa.core.forms import PlainLabelsMixin
from oipa.core.taxonomy.choices import DisputeType, IPType, JurisdictionKind
from oipa.core.taxonomy.lookups import jurisdiction_choices, nice_choices
from oipa.core.taxonomy.models import Industry, Jurisdiction

from .dispute_fields import COURT_LIKE, applicable_fields
from .models import AttachmentKind, OurRole, PartyKind
from .services.drafting import deadline_errors

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATE_WIDGET: dict[str, Any] = {"attrs": {"type": "date"}, "format": "%Y-%m-%d"}
CURRENCIES = ["USD", "EUR", "GBP", "JPY", "KRW", "CNY", "HKD", "AUD", "CAD", "INR", "BRL", "RUB"]
# IPC symbols may contain spaces ("H04W 4/00"), so only commas, semicolons and line breaks split.
IPC_SEPARATORS = re.compile(r"[,，;；、\n]+")

DISPUTE_SPECIFIC = ["forum", "case_numbers", "served_on", "hearing_on"]
SECTIONS = [
    ("dispute", _("Dispute"), ["title", "dispute_type", "ip_types", "our_role", "jurisdictions"]),
    ("technical", _("Technical field and goods"), ["ipc_codes", "nice_classes", "industry"]),
    ("stakes", _("Products and stakes"), ["products", "amount_at_stake", "currency"]),
    ("help", _("What happened and what help you want"), ["description", "help_wanted"]),
    (
        "consent",
        _("Consent and confidentiality"),
        ["consent_data_use", "consent_share_contacts", "confidential"],
    ),
]


class ApplicationForm(PlainLabelsMixin, forms.Form):
    """The guided application form. `draft_fields()` gives the valid values as service kwargs,
    so a draft keeps what was typed correctly even when another field is invalid."""

    idempotency_key = forms.UUIDField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(
        label=_("Short title"),
        max_length=200,
        required=False,
        help_text=_("For example: patent suit in the US, N.D. Illinois."),
    )
    dispute_type = forms.ChoiceField(
        label=_("Dispute type"), choices=[("", "—"), *DisputeType.choices], required=False
    )
    ip_types = forms.MultipleChoiceField(
        label=_("IP types concerned"),
        choices=IPType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    our_role = forms.ChoiceField(
        label=_("Our role"), choices=[("", "—"), *OurRole.choices], required=False
    )
    jurisdictions = forms.MultipleChoiceField(
        label=_("Countries or offices"),
        choices=jurisdiction_choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
    )
    forum = forms.CharField(
        label=_("Court, office or platform"),
        max_length=200,
        required=False,
        help_text=_("For example: US – N.D. Illinois, EUIPO, Amazon."),
    )
    case_numbers = forms.CharField(
        label=_("Case numbers"),
        max_length=300,
        required=False,
        help_text=_("Separate several numbers with commas."),
    )
    served_on = forms.DateField(
        label=_("Served or received on"), required=False, widget=forms.DateInput(**DATE_WIDGET)
    )
    response_deadline = forms.DateField(
        label=_("Response deadline"),
        required=False,
        widget=forms.DateInput(**DATE_WIDGET),
        help_text=_("The date by which you must answer; it decides the urgency of the case."),
    )
    hearing_on = forms.DateField(
        label=_("Hearing date"), required=False, widget=forms.DateInput(**DATE_WIDGET)
    )
    ipc_codes = forms.CharField(
        label=_("IPC codes"),
        max_length=300,
        required=False,
        help_text=_("Technical field of patents, e.g. H04W, G06F 3/01; separated by commas."),
    )
    nice_classes = forms.TypedMultipleChoiceField(
        label=_("Nice classes"),
        choices=nice_choices,
        coerce=int,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Goods and services of the trademarks concerned."),
    )
    industry = forms.ModelChoiceField(
        label=_("Industry"), queryset=Industry.objects.all(), required=False
    )
    products = forms.CharField(
        label=_("Products involved"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    amount_at_stake = forms.DecimalField(
        label=_("Amount at stake"), max_digits=16, decimal_places=2, min_value=0, required=False
    )
    currency = forms.ChoiceField(
        label=_("Currency"), choices=[(c, c) for c in CURRENCIES], required=False, initial="USD"
    )
    description = forms.CharField(
        label=_("Description of the dispute"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    help_wanted = forms.CharField(
        label=_("What help do you want?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent_data_use = forms.BooleanField(
        label=_("I agree that the Center processes these data to give guidance."), required=False
    )
    consent_share_contacts = forms.BooleanField(
        label=_(
            "I agree that our contact details are shared with the Tianjin or Hebei partner "
            "center if the case is guided jointly."
        ),
        required=False,
    )
    confidential = forms.BooleanField(
        label=_("Confidential (trade secrets, pre-litigation)"),
        required=False,
        help_text=_(
            "Only the case officer, the assigned experts and named supervisors will see the "
            "content; every access to the files is logged and shown to you."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dispute_type"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("assistance:application_dispute_fields"),
                "hx-target": "#dispute-fields",
                "hx-swap": "outerHTML",
                "hx-include": "#dispute-fields",
            }
        )
        for name in set(DISPUTE_SPECIFIC) - applicable_fields(self.chosen_dispute_type):
            del self.fields[name]

    @property
    def chosen_dispute_type(self) -> str:
        """The dispute type typed (bound form) or saved (initial)."""
        value = self.data.get("dispute_type") if self.is_bound else self.initial.get("dispute_type")
        return value if value in DisputeType.values else ""

    def sections(self) -> list[tuple[str, StrOrPromise, list[forms.BoundField]]]:
        return [(key, legend, [self[n] for n in names]) for key, legend, names in SECTIONS]

    def dispute_fields(self) -> list[forms.BoundField]:
        """The dispute-specific fields that apply, then the response deadline."""
        names = [n for n in DISPUTE_SPECIFIC if n in self.fields]
        return [self[n] for n in [*names, "response_deadline"]]

    def clean_ipc_codes(self) -> list[str]:
        return [
            c.strip() for c in IPC_SEPARATORS.split(self.cleaned_data["ipc_codes"]) if c.strip()
        ]

    def clean_jurisdictions(self) -> list[Jurisdiction]:
        codes = self.cleaned_data["jurisdictions"]
        return list(Jurisdiction.objects.filter(code__in=codes)) if codes else []

    def clean_response_deadline(self):
        value = self.cleaned_data["response_deadline"]
        errors = deadline_errors(value)
        if errors:
            raise ValidationError(errors)
        return value

    def draft_fields(self) -> dict[str, Any]:
        """Service kwargs of every field that is valid; invalid ones are left as they were."""
        cleaned = getattr(self, "cleaned_data", {})
        fields = {
            name: cleaned[name]
            for name in self.fields
            if name in cleaned and name != "idempotency_key" and name not in self.errors
        }
        if "currency" in fields and not fields["currency"]:
            fields["currency"] = "USD"
        for name in ("title", "forum", "case_numbers"):
            if name in fields:
                fields[name] = fields[name].strip()
        return fields


def application_initial(application) -> dict[str, Any]:
    """The form's initial values from a saved application."""
    initial = {
        name: getattr(application, name)
        for name in [*DISPUTE_SPECIFIC, "title", "dispute_type", "ip_types", "our_role"]
        + ["response_deadline", "nice_classes", "industry", "products", "amount_at_stake"]
        + ["currency", "description", "help_wanted", "consent_data_use"]
        + ["consent_share_contacts", "confidential"]
    }
    initial["ipc_codes"] = ", ".join(application.ipc_codes)
    initial["jurisdictions"] = [j.code for j in application.jurisdictions.all()]
    return initial


def dispute_initial(query) -> dict[str, Any]:
    """Initial values for the dispute-specific fieldset re-rendered by HTMX from a GET query."""
    names = [*COURT_LIKE, "response_deadline", "dispute_type"]
    return {name: query.get(name) for name in names if query.get(name)}


class PartyForm(PlainLabelsMixin, forms.Form):
    """One counterparty or co-party; an empty row is ignored."""

    kind = forms.ChoiceField(label=_("Kind"), choices=PartyKind.choices)
    name = forms.CharField(label=_("Name"), max_length=300, required=False)
    uscc = forms.CharField(
        label=_("USCC (Chinese enterprises)"),
        max_length=24,
        required=False,
        help_text=_("Tells us whether the party is in Beijing, Tianjin or Hebei."),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args: Any, country_choices=(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        country = self.fields["country"]
        assert isinstance(country, forms.ChoiceField)
        country.choices = [("", "—"), *country_choices]

    def clean_uscc(self) -> str:
        value = self.cleaned_data["uscc"].strip()
        return regions.parse_uscc(value).code if value else ""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        assert cleaned is not None  # Form.clean returns cleaned_data
        if not cleaned.get("name", "").strip() and (cleaned.get("uscc") or cleaned.get("country")):
            self.add_error("name", _("Give the party's name."))
        return cleaned


class BasePartyFormSet(forms.BaseFormSet):
    def rows(self) -> list[dict[str, str]]:
        """The named parties as service dicts (rows without a name are dropped)."""
        return [
            {key: form.cleaned_data.get(key, "") for key in ("kind", "name", "uscc", "country")}
            for form in self.forms
            if form.cleaned_data.get("name", "").strip()
        ]


PartyFormSet = cast(
    "type[BasePartyFormSet]",
    forms.formset_factory(
        PartyForm, formset=BasePartyFormSet, extra=2, max_num=30, validate_max=True
    ),
)


def country_choices() -> list[tuple[str, str]]:
    """(ISO code, title) of active countries, computed once per page for every party row."""
    rows = Jurisdiction.objects.filter(is_active=True, kind=JurisdictionKind.COUNTRY)
    return [(j.code, j.title) for j in rows.only("code", "title_en", "title_zh")]


def party_formset(data=None, *, application=None) -> BasePartyFormSet:
    """The parties formset of the application form, prefilled from a saved application."""
    initial = None
    if application is not None and data is None:
        initial = list(application.parties.values("kind", "name", "uscc", "country"))
    return PartyFormSet(
        data, initial=initial, prefix="parties", form_kwargs={"country_choices": country_choices()}
    )


class CaseActionForm(PlainLabelsMixin, forms.Form):
    """A form of the case page: its element ids carry `id_prefix`, since several forms (and
    the staff actions) share one page."""

    id_prefix = "case"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class AnswerForm(CaseActionForm):
    id_prefix = "answer"

    answer = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )


class FeedbackForm(CaseActionForm):
    id_prefix = "feedback"

    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with the guidance?"),
        choices=[
            (1, _("1 – very dissatisfied")),
            (2, _("2 – dissatisfied")),
            (3, _("3 – neutral")),
            (4, _("4 – satisfied")),
            (5, _("5 – very satisfied")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WithdrawForm(CaseActionForm):
    id_prefix = "withdraw"

    reason = forms.CharField(
        label=_("Why do you withdraw the application?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    confirm = forms.BooleanField(
        label=_("Yes, withdraw this application. The Center stops working on it.")
    )


class MessageForm(CaseActionForm):
    id_prefix = "message"

    body = forms.CharField(
        label=_("Message"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )


class UploadForm(CaseActionForm):
    """A file for the case; its type is checked by content in the service."""

    id_prefix = "upload"
    kind = forms.ChoiceField(
        label=_("Kind of document"),
        choices=[(v, label) for v, label in AttachmentKind.choices if v != AttachmentKind.OPINION],
    )
    upload = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word (.docx), Excel (.xlsx), JPG, PNG, text or ZIP."),
    )

    def attach_to(self, form_id: str) -> UploadForm:
        """Make the inputs belong to the <form> with this id (placed outside it in the page)."""
        for field in self.fields.values():
            field.widget.attrs["form"] = form_id
        return self
