"""Read-only admin view of the audit trail: events can be looked at, never added or changed."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from oipa.core.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Lists and shows events; no add, change or delete permission for anyone."""

    list_display = (
        "seq",
        "created_at",
        "actor_label",
        "organization_label",
        "action",
        "target_type",
        "target_id",
    )
    list_filter = ("action", "target_type", "algorithm")
    search_fields = ("actor_label", "organization_label", "action", "target_id", "target_label")
    date_hierarchy = "created_at"
    ordering = ("-seq",)
    list_select_related = ("actor", "organization")

    def get_readonly_fields(self, request: HttpRequest, obj: AuditEvent | None = None) -> list[str]:
        return [field.name for field in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False
