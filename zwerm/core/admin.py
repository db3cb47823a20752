"""Operators read the activity stream in the admin; nobody edits it."""

from django.contrib import admin

from zwerm.core.models import Activity, Notification


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ("seq", "verb", "actor", "organisation_label", "ecosystem_label", "created_at")
    list_filter = ("verb",)
    search_fields = ("verb", "subject_label", "organisation_label", "ecosystem_label")
    list_select_related = ("actor",)
    ordering = ("-seq",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("kind", "recipient", "created_at", "read_at", "emailed_at")
    list_filter = ("kind",)
    raw_id_fields = ("recipient", "activity")
