"""Guidance applications in the admin: read-only (every change goes through the services)."""

from django.contrib import admin

from .models import Application, SlaClock


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SlaClockInline(admin.TabularInline):
    model = SlaClock
    extra = 0
    fields = ("kind", "started_on", "due_on", "paused_on", "stopped_on", "provisional")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["number", "title", "applicant", "status", "dispute_type", "submitted_at"]
    list_filter = ["status", "dispute_type", "confidential", "joint_guidance"]
    search_fields = ["number", "title", "applicant__name"]
    inlines = [SlaClockInline]

    def get_queryset(self, request):
        # Confidential content stays out of the admin as it does everywhere else.
        return super().get_queryset(request).filter(confidential=False)
