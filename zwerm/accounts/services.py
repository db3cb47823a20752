"""Writes about people: profile, preferences, tokens, export and erasure."""

from __future__ import annotations

from django.db import transaction

from zwerm.accounts.models import PersonalAccessToken
from zwerm.core.actor import Actor


@transaction.atomic
def language_set(*, actor: Actor, language: str) -> None:
    """Remember the person's interface language (used for emails too)."""
    person = actor.person
    if person.language != language:
        person.language = language
        person.save(update_fields=["language"])


@transaction.atomic
def token_create(*, actor: Actor, name: str) -> tuple[PersonalAccessToken, str]:
    """Create a personal access token for the actor's person and organisation.

    Returns the token and its raw value, which is shown once and never stored.
    """
    raw = PersonalAccessToken.generate()
    token = PersonalAccessToken.objects.create(
        person=actor.person,
        organisation_uuid=actor.organisation.uuid if actor.organisation else None,
        name=name,
        token_hash=PersonalAccessToken.hash(raw),
        hint=raw[:8],
    )
    return token, raw
