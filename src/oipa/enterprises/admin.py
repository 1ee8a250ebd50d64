"""Self-checks in the admin: read-only."""

from django.contrib import admin

from .models import SelfCheck


@admin.register(SelfCheck)
class SelfCheckAdmin(admin.ModelAdmin):
    list_display = ("organization", "year", "industry", "district", "total_score")
    list_filter = ("year", "industry")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
