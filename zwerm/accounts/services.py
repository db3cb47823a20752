"""Writes about people: profile, language, tokens and erasure.

A person's own settings are recorded as personal activities: no organisation, and no
personal data in the subject label or the payload (only which fields changed).
"""

from __future__ import annotations

import uuid
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.accounts.models import PersonalAccessToken, User
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.privacy import before_erasure, erasure_blockers

MAX_ACTIVE_TOKENS = 25
PROFILE_FIELDS = ("name", "language", "time_zone", "name_visibility")


@dataclass(frozen=True)
class _Reference:
    """A subject for the activity stream that carries a UUID but no personal label."""

    uuid: uuid.UUID | None
    label: str = ""

    def __str__(self) -> str:
        return self.label


@lru_cache(maxsize=1)
def time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _signed_in(actor: Actor) -> User:
    if not actor.is_authenticated:
        raise NotAllowed(_("Sign in to change your account."))
    return actor.person


def _personal(actor: Actor) -> Actor:
    """The same person, acting for no organisation: their settings are their own."""
    return Actor(person=actor.person, organisation=None)


def _validate_profile(values: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(values)
    if "name" in cleaned:
        cleaned["name"] = " ".join(str(cleaned["name"] or "").split())
        if not cleaned["name"]:
            raise ValidationFailed(_("Enter your name."), field="name")
        if len(cleaned["name"]) > 150:
            raise ValidationFailed(_("Your name can be at most 150 characters."), field="name")
    if "language" in cleaned and cleaned["language"] not in dict(settings.LANGUAGES):
        raise ValidationFailed(_("Choose Dutch or English."), field="language")
    if "time_zone" in cleaned and cleaned["time_zone"] not in time_zones():
        raise ValidationFailed(
            _("Choose a time zone from the list, such as Europe/Amsterdam."), field="time_zone"
        )
    if "name_visibility" in cleaned and (
        cleaned["name_visibility"] not in User.NameVisibility.values
    ):
        raise ValidationFailed(
            _("Choose who may see your name from the options offered."), field="name_visibility"
        )
    return cleaned


@transaction.atomic
def profile_update(
    *,
    actor: Actor,
    name: str | None = None,
    language: str | None = None,
    time_zone: str | None = None,
    name_visibility: str | None = None,
) -> User:
    """Change the person's name, language, time zone or who may see their name.

    Fields left ``None`` stay as they are; nothing is recorded when nothing changed.
    """
    person = _signed_in(actor)
    given = {
        field: value
        for field, value in {
            "name": name,
            "language": language,
            "time_zone": time_zone,
            "name_visibility": name_visibility,
        }.items()
        if value is not None
    }
    cleaned = _validate_profile(given)
    changed = [field for field in PROFILE_FIELDS if field in cleaned and (
        getattr(person, field) != cleaned[field]
    )]
    if not changed:
        return person
    for field in changed:
        setattr(person, field, cleaned[field])
    person.save(update_fields=changed)
    record(
        verb="accounts.profile.updated",
        actor=_personal(actor),
        subject=_Reference(person.uuid),
        subject_type="accounts.person",
        payload={"fields": changed},
    )
    return person


@transaction.atomic
def language_set(*, actor: Actor, language: str) -> None:
    """Remember the person's interface language (used for their emails too)."""
    person = _signed_in(actor)
    language = _validate_profile({"language": language})["language"]
    if person.language == language:
        return
    person.language = language
    person.save(update_fields=["language"])
    record(
        verb="accounts.language.changed",
        actor=_personal(actor),
        subject=_Reference(person.uuid),
        subject_type="accounts.person",
        payload={"language": language},
    )


def _token_organisation(person: User, organisation_uuid: uuid.UUID | None, default: Any) -> Any:
    from zwerm.organisations.selectors import person_organisations

    if organisation_uuid is None:
        return default
    organisation = person_organisations(person=person).filter(uuid=organisation_uuid).first()
    if organisation is None:
        raise ValidationFailed(
            _("A token can only act for an organisation you belong to."), field="organisation"
        )
    return organisation


@transaction.atomic
def token_create(
    *, actor: Actor, name: str, organisation_uuid: uuid.UUID | None = None
) -> tuple[PersonalAccessToken, str]:
    """Create a personal access token acting for one of the person's organisations.

    Without ``organisation_uuid`` the token acts for the organisation the actor acts for.
    Returns the token and its raw value, which is shown once and never stored.
    """
    person = _signed_in(actor)
    name = " ".join(str(name or "").split())
    if not name:
        raise ValidationFailed(_("Give the token a name, so you recognise it later."), field="name")
    if len(name) > 100:
        raise ValidationFailed(_("The name can be at most 100 characters."), field="name")
    organisation = _token_organisation(person, organisation_uuid, actor.organisation)
    active = PersonalAccessToken.objects.filter(person=person, revoked_at__isnull=True)
    if active.count() >= MAX_ACTIVE_TOKENS:
        raise Conflict(
            _("You have %(count)s active tokens already; revoke one you no longer use first.")
            % {"count": MAX_ACTIVE_TOKENS}
        )
    raw = PersonalAccessToken.generate()
    token = PersonalAccessToken.objects.create(
        person=person,
        organisation_uuid=organisation.uuid if organisation is not None else None,
        name=name,
        token_hash=PersonalAccessToken.hash(raw),
        hint=raw[:8],
    )
    record(
        verb="accounts.token.created",
        actor=_personal(actor),
        subject=_Reference(token.uuid),
        subject_type="accounts.token",
        payload={
            "organisation": str(token.organisation_uuid) if token.organisation_uuid else None
        },
    )
    return token, raw


@transaction.atomic
def token_revoke(*, actor: Actor, token_uuid: uuid.UUID) -> PersonalAccessToken:
    """Revoke one of the person's tokens; it stops working at once."""
    person = _signed_in(actor)
    token = (
        PersonalAccessToken.objects.select_for_update()
        .filter(person=person, uuid=token_uuid)
        .first()
    )
    if token is None:
        raise NotFound(_("You have no token like this."))
    if token.revoked_at is not None:
        raise Conflict(_("This token was revoked already."))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(
        verb="accounts.token.revoked",
        actor=_personal(actor),
        subject=_Reference(token.uuid),
        subject_type="accounts.token",
    )
    return token


def _delete_sessions(person_pk: int) -> int:
    """Delete the stored sessions of one person (the session table has no user column)."""
    doomed = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator(
        chunk_size=500
    ):
        if str(session.get_decoded().get("_auth_user_id")) == str(person_pk):
            doomed.append(session.pk)
    Session.objects.filter(pk__in=doomed).delete()
    return len(doomed)


@transaction.atomic
def person_erase(*, actor: Actor, password: str) -> None:
    """Erase the person's account and personal data; what they did stays, without them.

    Their activities remain with an empty actor and read "a former participant"; the
    organisations they worked for keep their records. Other apps can refuse the erasure
    (e.g. the last facilitator of an ecosystem) with a sentence saying what to do first.
    """
    person = _signed_in(actor)
    if not password or not person.check_password(password):
        raise ValidationFailed(_("This password is not correct."), field="password")
    blockers = erasure_blockers(person)
    if blockers:
        raise Conflict(
            _("Your account cannot be erased yet. %(reasons)s") % {"reasons": " ".join(blockers)},
            code="erasure_blocked",
            fields={"__all__": blockers},
        )
    before_erasure(person)
    person_pk = person.pk
    _delete_sessions(person_pk)
    User.objects.filter(pk=person_pk).delete()
    record(
        verb="accounts.person.erased",
        actor=Actor.system(),
        subject=_Reference(None),
        subject_type="accounts.person",
    )
