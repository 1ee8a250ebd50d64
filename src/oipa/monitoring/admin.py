"""Read-only admin pages: imports and matches change only through the services."""

from __future__ import annotations

from django.contrib import admin

from .models import (
    Dispute,
    DisputeChange,
    EnterpriseAlias,
    ImportRun,
    MatchDecision,
    Party,
    PartyMatch,
    Source,
    WatchedEnterprise,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Source)
class SourceAdmin(ReadOnlyAdmin):
    list_display = ["slug", "name", "kind", "schedule_minutes", "enabled", "last_success_at"]


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = ["source", "started_at", "status", "read", "new", "updated", "failed"]
    list_filter = ["status", "source"]


@admin.register(Dispute)
class DisputeAdmin(ReadOnlyAdmin):
    list_display = ["case_number", "title", "forum", "nature_code", "filed_on", "is_schedule_a"]
    list_filter = ["source", "nature_code", "is_schedule_a"]
    search_fields = ["case_number", "title", "external_id"]


@admin.register(DisputeChange)
class DisputeChangeAdmin(ReadOnlyAdmin):
    list_display = ["dispute", "changed_at", "run"]


@admin.register(Party)
class PartyAdmin(ReadOnlyAdmin):
    list_display = ["name", "role", "dispute", "matched_at"]
    search_fields = ["name", "normalized"]


@admin.register(PartyMatch)
class PartyMatchAdmin(ReadOnlyAdmin):
    list_display = ["party", "enterprise_key", "alias", "rule", "score", "status"]
    list_filter = ["status", "rule"]


@admin.register(MatchDecision)
class MatchDecisionAdmin(ReadOnlyAdmin):
    list_display = ["party_normalized", "enterprise_key", "verdict", "decided_by", "decided_at"]


@admin.register(WatchedEnterprise)
class WatchedEnterpriseAdmin(ReadOnlyAdmin):
    list_display = ["name", "name_en", "uscc", "province_code", "is_active"]
    search_fields = ["name", "name_en", "uscc"]


@admin.register(EnterpriseAlias)
class EnterpriseAliasAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "organization", "watched"]
    search_fields = ["name"]
