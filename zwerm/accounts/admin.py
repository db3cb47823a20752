"""Operators manage people in the admin; email addresses are visible to operators only."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from zwerm.accounts.models import PersonalAccessToken, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "name", "language", "is_staff", "is_active", "date_joined")
    list_filter = ("is_staff", "is_superuser", "is_active", "language")
    search_fields = ("email", "name")
    readonly_fields = ("uuid", "date_joined", "last_login")
    fieldsets = (
        (None, {"fields": ("uuid", "email", "password")}),
        (_("Profile"), {"fields": ("name", "language", "time_zone", "name_visibility")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(PersonalAccessToken)
class PersonalAccessTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "person", "hint", "created_at", "last_used_at", "revoked_at")
    list_select_related = ("person",)
    readonly_fields = ("uuid", "person", "organisation_uuid", "hint", "created_at", "last_used_at")
    exclude = ("token_hash",)

    def has_add_permission(self, request):
        return False
