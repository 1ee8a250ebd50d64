"""Every write of funding support and the mutual-aid fund (one function per use case)."""

from .applications import (
    add_cost_item,
    create_funding_application,
    eligibility_problem,
    remove_cost_item,
    submit_funding_application,
    withdraw_funding_application,
)
from .fund import (
    admit_member,
    create_fund,
    decide_fund_claim,
    pay_fund_claim,
    post_entry,
    record_contribution,
    submit_fund_claim,
)
from .programmes import create_programme, record_exchange_rate, record_insurance_payout
from .review import (
    complete_review,
    give_second_approval,
    record_payment,
    reject_funding_application,
    reserve_budget,
    review_cost_item,
)

__all__ = [
    "add_cost_item",
    "admit_member",
    "complete_review",
    "create_fund",
    "create_funding_application",
    "create_programme",
    "decide_fund_claim",
    "eligibility_problem",
    "give_second_approval",
    "pay_fund_claim",
    "post_entry",
    "record_contribution",
    "record_exchange_rate",
    "record_insurance_payout",
    "record_payment",
    "reject_funding_application",
    "remove_cost_item",
    "reserve_budget",
    "review_cost_item",
    "submit_fund_claim",
    "submit_funding_application",
    "withdraw_funding_application",
]
