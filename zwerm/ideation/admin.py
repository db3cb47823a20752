"""Operators look into challenges in the admin, read-only: every change goes through the
services, which record it. Ballots are not in the admin at all, so that no page — not even
the operators' — shows a ballot next to anything that could identify its voter."""

from django.contrib import admin

from zwerm.ideation.models import Challenge, Cluster, Idea, Initiative


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Challenge)
class ChallengeAdmin(ReadOnlyAdmin):
    list_display = ("question", "ecosystem", "method", "weighting", "secret", "created_at")
    list_filter = ("method", "weighting", "secret")
    search_fields = ("question", "slug")
    exclude = ("salt",)


@admin.register(Idea)
class IdeaAdmin(ReadOnlyAdmin):
    list_display = ("title", "challenge", "organisation", "cluster", "merged_into")
    search_fields = ("title",)
    list_select_related = ("challenge", "organisation", "cluster", "merged_into")


@admin.register(Cluster)
class ClusterAdmin(ReadOnlyAdmin):
    list_display = ("name", "challenge", "origin", "state", "edited", "decided_at")
    list_filter = ("origin", "state")


@admin.register(Initiative)
class InitiativeAdmin(ReadOnlyAdmin):
    list_display = ("title", "challenge", "threshold", "started_at")
