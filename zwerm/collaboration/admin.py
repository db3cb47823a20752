from django.contrib import admin

from zwerm.collaboration import models


@admin.register(models.CollaborationSettings)
class CollaborationSettingsAdmin(admin.ModelAdmin):
    list_display = ["ecosystem", "unit_of_account", "decision_mode", "quorum_percent"]


@admin.register(models.WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "ecosystem", "join_policy", "archived_at"]
    list_filter = ["ecosystem"]
    search_fields = ["name", "purpose"]


@admin.register(models.Deliverable)
class DeliverableAdmin(admin.ModelAdmin):
    list_display = ["title", "ecosystem", "owner", "due_on", "state"]
    list_filter = ["state", "ecosystem"]
    search_fields = ["title"]


@admin.register(models.Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["organisation", "type", "quantity", "unit", "due_on", "state"]
    list_filter = ["state", "type"]


@admin.register(models.Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["giver_organisation", "type", "quantity", "unit", "given_on",
                    "acknowledged_at"]
    list_filter = ["type"]


@admin.register(models.Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "ecosystem", "kind", "state", "deadline"]
    list_filter = ["state", "kind"]
    search_fields = ["title"]


@admin.register(models.Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["number", "ecosystem", "outcome", "decided_at"]
    search_fields = ["statement"]


@admin.register(models.HandOver)
class HandOverAdmin(admin.ModelAdmin):
    list_display = ["from_organisation", "to_organisation", "state", "created_at"]
    list_filter = ["state"]
