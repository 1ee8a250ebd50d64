"""Admin for the reference taxonomies.

The rows come from the shipped data and are rewritten by every sync, so titles and codes are
read-only here; only `Jurisdiction.is_active` (which the loader never touches) can be changed.
"""

from django.contrib import admin
from django.http import HttpRequest

from .models import Industry, IPCEntry, Jurisdiction, NiceClass


class ReferenceDataAdmin(admin.ModelAdmin):
    """Read-only apart from `editable_fields`; rows are never added or deleted by hand."""

    editable_fields: tuple[str, ...] = ()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return [f.name for f in self.model._meta.fields if f.name not in self.editable_fields]


@admin.register(Jurisdiction)
class JurisdictionAdmin(ReferenceDataAdmin):
    editable_fields = ("is_active",)
    list_display = ("code", "title_zh", "title_en", "kind", "alpha3", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("code", "alpha3", "title_en", "title_zh")


@admin.register(NiceClass)
class NiceClassAdmin(ReferenceDataAdmin):
    list_display = ("number", "kind", "title_zh", "title_en")
    list_filter = ("kind",)
    search_fields = ("=number", "title_en", "title_zh")


@admin.register(IPCEntry)
class IPCEntryAdmin(ReferenceDataAdmin):
    list_display = ("symbol", "level", "title_zh", "title_en")
    list_filter = ("level",)
    search_fields = ("symbol", "title_en", "title_zh")
    list_select_related = ("parent",)


@admin.register(Industry)
class IndustryAdmin(ReferenceDataAdmin):
    list_display = ("code", "title_zh", "title_en")
    search_fields = ("code", "title_en", "title_zh")
