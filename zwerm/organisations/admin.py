"""The admin site for operators: organisations are changed through the services.

Profile fields are edited on the site itself by the organisation's administrators, so the
admin shows them read-only; what only operators do here — the verified mark and merging a
duplicate — runs through the same services as everything else, so it is recorded too.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zwerm.core.actor import Actor
from zwerm.core.errors import DomainError
from zwerm.core.text import single_stops
from zwerm.organisations import services
from zwerm.organisations.models import (
    Organisation,
    OrganisationInvitation,
    OrganisationMember,
    ProfileEntry,
    Theme,
)


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=gettext_lazy("Merge into"), queryset=Organisation.objects.none(),
        help_text=gettext_lazy("The organisation that stays. The duplicate's people, "
                               "invitations, offers, requests and themes move to it."),
    )

    def __init__(self, *args, source: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Organisation.objects.filter(
            merged_into__isnull=True
        ).exclude(pk=source.pk)


class MemberInline(admin.TabularInline):
    model = OrganisationMember
    fields = ("person", "role", "created_at", "left_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


class EntryInline(admin.TabularInline):
    model = ProfileEntry
    fields = ("kind", "title", "position")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "region", "is_verified", "merged_into", "created_at")
    list_filter = ("kind", "region", "is_verified", ("merged_into", admin.EmptyFieldListFilter))
    search_fields = ("name", "slug", "kvk_number", "oin")
    readonly_fields = (
        "uuid", "name", "slug", "kind", "website", "region", "description", "logo", "themes",
        "kvk_number", "oin", "is_verified", "merged_into", "created_at", "updated_at",
    )
    fields = readonly_fields
    inlines = [MemberInline, EntryInline]
    actions = ["mark_verified", "unmark_verified", "merge"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _actor(self, request) -> Actor:
        return Actor(person=request.user)

    def _set_verified(self, request, queryset, verified: bool) -> None:
        done = 0
        for organisation in queryset:
            try:
                services.organisation_verify_set(
                    actor=self._actor(request), organisation=organisation, verified=verified
                )
                done += 1
            except DomainError as error:
                self.message_user(request, f"{organisation}: {error.message}", messages.ERROR)
        if done:
            self.message_user(request, _("%(count)d organisations changed.") % {"count": done})

    @admin.action(description=gettext_lazy("Mark as verified"))
    def mark_verified(self, request, queryset):
        self._set_verified(request, queryset, True)

    @admin.action(description=gettext_lazy("Remove the verified mark"))
    def unmark_verified(self, request, queryset):
        self._set_verified(request, queryset, False)

    @admin.action(description=gettext_lazy("Merge this duplicate into another organisation…"))
    def merge(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, _("Select exactly one organisation: the duplicate to merge away."),
                messages.WARNING,
            )
            return None
        source = queryset.get()
        form = MergeForm(request.POST if "apply" in request.POST else None, source=source)
        if form.is_valid():
            target = form.cleaned_data["target"]
            try:
                services.organisation_merge(
                    actor=self._actor(request), source=source, target=target
                )
            except DomainError as error:
                form.add_error(None, str(error.message))
            else:
                self.message_user(
                    request,
                    single_stops(_("%(source)s was merged into %(target)s.")
                                 % {"source": source.name, "target": target.name}),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(request.get_full_path())
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge a duplicate organisation"),
            "opts": self.model._meta,
            "source": source,
            "form": form,
            "people": source.memberships.filter(left_at__isnull=True).count(),
            "entries": source.entries.count(),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/organisations/organisation/merge.html", context)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(OrganisationInvitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("organisation", "role", "created_at", "expires_at", "accepted_at",
                    "revoked_at")
    list_filter = ("role",)
    search_fields = ("organisation__name", "email")
    readonly_fields = ("uuid", "organisation", "email", "role", "invited_by", "expires_at",
                       "accepted_at", "revoked_at", "created_at")
    fields = readonly_fields

    def has_add_permission(self, request):
        return False
