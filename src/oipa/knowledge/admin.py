"""Read-only admin views of the information service: edits go through the editors' pages, so
every change is versioned and audited."""

from django.contrib import admin

from .models import (
    Bulletin,
    BulletinSubscription,
    ContentVersion,
    CountryProfile,
    DeadlineFact,
    Guide,
    TypicalCase,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(CountryProfile, TypicalCase, Guide, Bulletin)
class ContentAdmin(ReadOnlyAdmin):
    list_display = ["title_zh", "title_en", "status", "version", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title_zh", "title_en"]


@admin.register(DeadlineFact)
class DeadlineFactAdmin(ReadOnlyAdmin):
    list_display = ["profile", "event", "amount", "unit", "starts_from"]


@admin.register(ContentVersion)
class ContentVersionAdmin(ReadOnlyAdmin):
    list_display = ["kind", "item_code", "number", "status", "changed_by", "changed_at"]
    list_filter = ["kind", "status"]


@admin.register(BulletinSubscription)
class BulletinSubscriptionAdmin(ReadOnlyAdmin):
    list_display = ["organization", "created_at"]
