"""Read queries of accounts: tokens and the personal data export."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from zwerm.accounts.models import PersonalAccessToken, User
from zwerm.core.privacy import export_sections

EXPORT_FORMAT = "zwerm-personal-data/1"


def token_list(*, person: User, include_revoked: bool = True) -> QuerySet[PersonalAccessToken]:
    """The person's own tokens, newest first; nobody else's."""
    queryset = PersonalAccessToken.objects.filter(person=person)
    if not include_revoked:
        queryset = queryset.filter(revoked_at__isnull=True)
    return queryset


def token_organisations(*, tokens: list[PersonalAccessToken]) -> dict[Any, Any]:
    """The organisations the tokens act for, by UUID, in one query."""
    from zwerm.organisations.models import Organisation

    uuids = {token.organisation_uuid for token in tokens if token.organisation_uuid}
    if not uuids:
        return {}
    return {org.uuid: org for org in Organisation.objects.filter(uuid__in=uuids)}


def personal_data_export(*, person: User) -> dict[str, Any]:
    """Everything Zwerm holds about the person, one section per app, as JSON-ready data."""
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "person": str(person.uuid),
        "sections": export_sections(person),
    }
