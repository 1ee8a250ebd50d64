"""Read-only admin page: leads change only through the services."""

from __future__ import annotations

from django.contrib import admin

from .models import Lead


@admin.register(Lead)
class LeadAdmin(admin.ModelAdmin):
    list_display = ["enterprise_name", "district_office", "need_type", "urgency", "status"]
    list_filter = ["status", "need_type", "urgency", "source"]
    search_fields = ["enterprise_name", "uscc"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
