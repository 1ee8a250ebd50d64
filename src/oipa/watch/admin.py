"""Read-only admin pages: marks, imports, hits and warnings change only through the services."""

from __future__ import annotations

from django.contrib import admin

from .models import Dismissal, Hit, ImportRun, Publication, RiskWarning, WatchedMark


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(WatchedMark)
class WatchedMarkAdmin(ReadOnlyAdmin):
    list_display = ["word_mark", "pinyin", "organization", "watched", "is_active"]
    search_fields = ["word_mark", "pinyin_joined"]


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = ["started_at", "office", "file_name", "status", "read", "new", "failed", "hits"]


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ["mark_text", "office", "serial_number", "owner_name", "publication_date"]
    search_fields = ["mark_text", "serial_number", "owner_name"]


@admin.register(Hit)
class HitAdmin(ReadOnlyAdmin):
    list_display = ["publication", "watched_mark", "rule", "score", "status", "deadline"]
    list_filter = ["status", "rule"]


@admin.register(Dismissal)
class DismissalAdmin(ReadOnlyAdmin):
    list_display = ["watched_mark", "mark_normalized", "owner_normalized", "decided_by"]


@admin.register(RiskWarning)
class RiskWarningAdmin(ReadOnlyAdmin):
    list_display = ["publication", "organization", "watched", "deadline", "read_at", "acted_at"]
