"""Funding and fund books in the admin: read-only (every change goes through the services, so
the ledger stays balanced and the budget guarded)."""

from django.contrib import admin

from .models import (
    Contribution,
    ExchangeRate,
    FundClaim,
    FundingApplication,
    InvoiceClaim,
    JournalEntry,
    JournalLine,
    Payout,
    Programme,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class JournalLineInline(admin.TabularInline):
    model = JournalLine
    extra = 0
    fields = ("account", "debit", "credit")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Programme)
class ProgrammeAdmin(ReadOnlyAdmin):
    list_display = ("name", "budget", "approved_total", "opens_on", "closes_on", "is_active")


@admin.register(ExchangeRate)
class ExchangeRateAdmin(ReadOnlyAdmin):
    list_display = ("currency", "rate_date", "rate", "source")
    list_filter = ("currency",)


@admin.register(FundingApplication)
class FundingApplicationAdmin(ReadOnlyAdmin):
    list_display = ("applicant", "programme", "status", "granted_total", "paid_total")
    list_filter = ("status", "programme")


@admin.register(InvoiceClaim)
class InvoiceClaimAdmin(ReadOnlyAdmin):
    list_display = ("issuer_key", "number_key", "kind", "organization", "claimed_at")
    search_fields = ("issuer_key", "number_key")


@admin.register(JournalEntry)
class JournalEntryAdmin(ReadOnlyAdmin):
    list_display = ("booked_on", "fund", "member", "memo")
    inlines = [JournalLineInline]


@admin.register(Contribution)
class ContributionAdmin(ReadOnlyAdmin):
    list_display = ("member", "amount", "received_on")


@admin.register(FundClaim)
class FundClaimAdmin(ReadOnlyAdmin):
    list_display = ("member", "amount", "status", "approved_amount")


@admin.register(Payout)
class PayoutAdmin(ReadOnlyAdmin):
    list_display = ("claim", "amount", "paid_on")
