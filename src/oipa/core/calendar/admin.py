"""Read-only admin for holiday schedules: they are written through the calendar pages."""

from django.contrib import admin

from .models import HolidaySchedule, ScheduleDay


class ScheduleDayInline(admin.TabularInline):
    model = ScheduleDay
    fields = ("date", "kind", "name")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(HolidaySchedule)
class HolidayScheduleAdmin(admin.ModelAdmin):
    list_display = ("year", "created_at", "entered_by", "superseded_at")
    list_filter = ("year",)
    fields = ("year", "notice", "entered_by", "created_at", "superseded_at")
    readonly_fields = fields
    inlines = [ScheduleDayInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
