"""Funding support and mutual-aid fund pages, included by the project at "funding/"."""

from django.urls import path

from . import views, views_fund, views_setup

app_name = "funding"

urlpatterns = [
    path("", views.programme_list, name="programme_list"),
    path("programmes/new/", views_setup.programme_create, name="programme_create"),
    path("programmes/<uuid:code>/", views.programme_detail, name="programme_detail"),
    path("programmes/<uuid:code>/apply/", views.apply, name="apply"),
    path("applications/", views.application_list, name="application_list"),
    path("applications/<uuid:code>/", views.application_detail, name="application_detail"),
    path("applications/<uuid:code>/items/", views.add_item, name="add_item"),
    path("applications/<uuid:code>/payments/", views.record_payment, name="record_payment"),
    path(
        "applications/<uuid:code>/<slug:action>/", views.transition, name="application_transition"
    ),
    path("items/<uuid:code>/remove/", views.remove_item, name="remove_item"),
    path("items/<uuid:code>/review/", views.review_item, name="review_item"),
    path("items/<uuid:code>/invoice/", views.invoice_download, name="invoice_download"),
    path("rates/", views_setup.rates, name="rates"),
    path("fund/", views_fund.fund_overview, name="fund_overview"),
    path("fund/admit/", views_fund.admit, name="fund_admit"),
    path("fund/contributions/", views_fund.contribute, name="fund_contribute"),
    path("fund/ledger/", views_fund.ledger, name="fund_ledger"),
    path("fund/summary/", views_fund.public_summary, name="fund_summary"),
    path("fund/members/<uuid:code>/claims/new/", views_fund.claim_create, name="claim_create"),
    path(
        "fund/members/<uuid:code>/statement/<int:year>/",
        views_fund.statement,
        name="fund_statement",
    ),
    path(
        "fund/members/<uuid:code>/statement/<int:year>.xlsx",
        views_fund.statement_xlsx,
        name="fund_statement_xlsx",
    ),
    path("fund/claims/<uuid:code>/", views_fund.claim_detail, name="claim_detail"),
    path("fund/claims/<uuid:code>/decide/", views_fund.claim_decide, name="claim_decide"),
    path("fund/claims/<uuid:code>/pay/", views_fund.claim_pay, name="claim_pay"),
]
