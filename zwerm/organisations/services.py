"""Writes about organisations: profiles, people, invitations, merges."""

from __future__ import annotations

from django.db import transaction

from zwerm.core.actor import Actor
from zwerm.organisations.models import Organisation


@transaction.atomic
def acting_organisation_set(*, actor: Actor, organisation: Organisation) -> None:
    """Remember which organisation the person acts for from now on."""
    person = actor.person
    person.acting_organisation_uuid = organisation.uuid
    person.save(update_fields=["acting_organisation_uuid"])
