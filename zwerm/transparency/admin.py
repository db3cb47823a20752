"""Operators look into the logs read-only: rows are append-only, keys change through services.

Entries, tree nodes and salts are left out: the log's pages and ``verify_log`` show entries
better, and salts are the one personal link, which no screen should show.
"""

from django.contrib import admin

from zwerm.transparency.models import Checkpoint, Cosignature, Log, WitnessKey


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Log)
class LogAdmin(ReadOnlyAdmin):
    list_display = ("origin", "size", "last_signed_size", "created_at")
    search_fields = ("origin", "ecosystem_uuid")


class CosignatureInline(admin.TabularInline):
    model = Cosignature
    extra = 0
    can_delete = False
    fields = ("organisation_label", "timestamp", "line", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Checkpoint)
class CheckpointAdmin(ReadOnlyAdmin):
    list_display = ("log", "size", "created_at")
    list_select_related = ("log",)
    search_fields = ("log__origin",)
    fields = ("log", "size", "note", "created_at")
    inlines = [CosignatureInline]


@admin.register(WitnessKey)
class WitnessKeyAdmin(ReadOnlyAdmin):
    list_display = ("name", "organisation", "created_at", "revoked_at")
    list_select_related = ("organisation",)
    list_filter = ("revoked_at",)
    search_fields = ("name", "vkey", "organisation__name")
    fields = ("organisation", "name", "vkey", "created_at", "revoked_at")
