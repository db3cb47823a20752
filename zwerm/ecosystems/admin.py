"""Operators look into ecosystems in the admin; changes go through the pages and the API,
whose services record every step, so the admin shows memberships and roles read-only."""

from django.contrib import admin

from zwerm.ecosystems.models import Ecosystem, Membership, MembershipEvent, Role


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MembershipEventInline(admin.TabularInline):
    model = MembershipEvent
    extra = 0
    can_delete = False
    readonly_fields = ("from_state", "to_state", "kind", "reason", "actor", "created_at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Ecosystem)
class EcosystemAdmin(ReadOnlyAdmin):
    list_display = ("name", "slug", "visibility", "join_policy", "created_at")
    list_filter = ("visibility", "join_policy")
    search_fields = ("name", "slug", "goal")


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "ecosystem", "kind", "state", "updated_at")
    list_filter = ("state", "kind", "ecosystem")
    list_select_related = ("organisation", "ecosystem")
    search_fields = ("organisation__name", "ecosystem__name")
    inlines = [MembershipEventInline]


@admin.register(Role)
class RoleAdmin(ReadOnlyAdmin):
    list_display = ("person", "name", "organisation", "ecosystem", "started_at", "ended_at")
    list_filter = ("name", "ecosystem")
    list_select_related = ("person", "organisation", "ecosystem")
