"""Read queries of organisations: the directory, profiles and people."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from zwerm.organisations.models import Organisation, OrganisationMember


def person_organisations(*, person: Any) -> QuerySet[Organisation]:
    """The organisations a person currently belongs to."""
    return Organisation.objects.filter(
        memberships__person=person, memberships__left_at__isnull=True, merged_into__isnull=True
    ).order_by("name")


def acting_organisation(*, person: Any) -> Organisation | None:
    """The organisation the person chose to act for, else their first one."""
    organisations = list(person_organisations(person=person))
    for organisation in organisations:
        if organisation.uuid == person.acting_organisation_uuid:
            return organisation
    return organisations[0] if organisations else None


def organisation_member(*, organisation: Organisation, person: Any) -> OrganisationMember | None:
    if person is None or not getattr(person, "is_authenticated", False):
        return None
    return OrganisationMember.objects.filter(
        organisation=organisation, person=person, left_at__isnull=True
    ).first()
