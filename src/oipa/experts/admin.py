"""Read-only admin views of the pool: every change goes through the services (and the UI)."""

from django.contrib import admin

from .models import AssignmentProposal, ConflictDeclaration, ExpertInvitation, ExpertProfile


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ExpertProfile)
class ExpertProfileAdmin(ReadOnlyAdmin):
    list_display = ["user", "category", "status", "max_concurrent_cases", "updated_at"]
    list_filter = ["category", "status"]
    search_fields = ["user__full_name", "user__email", "employer"]


@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(ReadOnlyAdmin):
    list_display = ["expert", "kind", "name", "declared_at", "withdrawn_at"]
    search_fields = ["name"]


@admin.register(ExpertInvitation)
class ExpertInvitationAdmin(ReadOnlyAdmin):
    list_display = ["application", "expert", "role", "status", "invited_at", "responded_at"]
    list_filter = ["status", "role"]


@admin.register(AssignmentProposal)
class AssignmentProposalAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "created_by", "status", "objective", "greedy_objective"]
