from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

AUDIT_LABELS = {
    "funding.programme_created": _("Funding programme created"),
    "funding.rate_recorded": _("Exchange rate recorded"),
    "funding.insurance_recorded": _("Insurance payout recorded"),
    "funding.application_created": _("Funding application drafted"),
    "funding.item_added": _("Cost item added"),
    "funding.item_removed": _("Cost item removed"),
    "funding.application_submitted": _("Funding application submitted"),
    "funding.application_withdrawn": _("Funding application withdrawn"),
    "funding.item_reviewed": _("Cost item reviewed"),
    "funding.review_completed": _("Funding review completed"),
    "funding.application_approved": _("Funding approved"),
    "funding.application_rejected": _("Funding rejected"),
    "funding.payment_recorded": _("Funding payment recorded"),
    "funding.fund_created": _("Mutual-aid fund created"),
    "funding.member_admitted": _("Fund member admitted"),
    "funding.contribution_recorded": _("Fund contribution recorded"),
    "funding.fund_claim_submitted": _("Fund claim submitted"),
    "funding.fund_claim_decided": _("Fund claim decided"),
    "funding.fund_claim_paid": _("Fund claim paid"),
}


class FundingConfig(AppConfig):
    name = "oipa.funding"
    label = "funding"
    verbose_name = _("Funding support")

    def ready(self) -> None:
        from oipa.core.audit.actions import register_action

        for action, label in AUDIT_LABELS.items():
            register_action(action, label)
