"""Operators look into events in the admin; changes go through the pages and the API, whose
services take the seat lock and record every step, so the admin is read-only."""

from django.contrib import admin
from django.db import models

from zwerm.events.models import Event, EventSeries, Organiser, Question, Registration


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OrganiserInline(admin.TabularInline):
    model = Organiser
    extra = 0
    can_delete = False
    readonly_fields = ("person", "organisation", "position")

    def has_add_permission(self, request, obj=None):
        return False


class QuestionInline(OrganiserInline):
    model = Question
    readonly_fields = ("label", "kind", "choices", "required", "position")


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "starts_at", "time_zone", "capacity", "visibility",
                    "ecosystem", "cancelled_at")
    list_filter = ("kind", "mode", "visibility")
    list_select_related = ("ecosystem",)
    search_fields = ("title", "slug", "venue")
    date_hierarchy = "starts_at"
    inlines = [OrganiserInline, QuestionInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(EventSeries)
class EventSeriesAdmin(ReadOnlyAdmin):
    list_display = ("title", "frequency", "ecosystem", "created_at")
    list_select_related = ("ecosystem",)


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ("event", "state", "seat", "person", "organisation", "guest_name",
                    "checked_in_at")
    list_filter = ("state",)
    list_select_related = ("event", "person", "organisation")
    search_fields = ("event__title", "person__name", "guest_name", "organisation__name")
    exclude = ("secret",)
