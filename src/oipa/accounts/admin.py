"""Accounts in the admin: read mostly; writes that matter go through services and pages."""

from django.contrib import admin

from .models import Membership, Organization, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ("user", "organization", "role", "is_active", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "full_name", "is_active", "date_joined"]
    search_fields = ["email", "full_name"]
    readonly_fields = ["email", "date_joined", "password_changed_at", "last_login"]
    fields = [
        "email",
        "full_name",
        "phone",
        "is_active",
        "date_joined",
        "last_login",
        "password_changed_at",
    ]
    inlines = [MembershipInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "uscc", "province", "district", "is_active"]
    list_filter = ["kind", "province", "is_active"]
    search_fields = ["name", "name_en", "uscc"]
    readonly_fields = ["code", "uscc", "division_code", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
