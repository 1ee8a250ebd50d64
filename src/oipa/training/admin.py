"""Read-only admin pages: events and registrations change only through the services."""

from __future__ import annotations

from django.contrib import admin

from .models import Event, Material, Registration


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "starts_at", "capacity", "confirmed_count", "status"]
    list_filter = ["kind", "status", "audience"]
    search_fields = ["title"]


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ["event", "organization", "attendee_name", "status", "attended", "rating"]
    list_filter = ["status", "attended"]


@admin.register(Material)
class MaterialAdmin(ReadOnlyAdmin):
    list_display = ["title", "event", "size", "uploaded_at"]
