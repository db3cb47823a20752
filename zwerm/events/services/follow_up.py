"""After a round table: turn it into a new ecosystem or a challenge, with its attendees."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed
from zwerm.core.notifications import notify
from zwerm.ecosystems import services as ecosystem_services
from zwerm.ecosystems.models import Ecosystem
from zwerm.ecosystems.services._common import organisation_admins
from zwerm.events import permissions
from zwerm.events.models import Event, Registration
from zwerm.events.services._common import about, lock_event, require_person


def attendee_organisations(event: Event) -> list[Any]:
    """The organisations of everyone who held a seat (checked in or not), in name order."""
    seen: dict[int, Any] = {}
    for registration in (
        event.registrations.filter(state=Registration.State.CONFIRMED, organisation__isnull=False,
                                   organisation__merged_into__isnull=True)
        .select_related("organisation", "person").order_by("organisation__name", "id")
    ):
        seen.setdefault(registration.organisation_id, registration)
    return list(seen.values())


def _check(actor: Actor, event: Event) -> None:
    require_person(actor)
    if not permissions.can_follow_up(actor.person, event):
        raise NotAllowed(_("Only the organisers of a round table may give it a follow-up."))
    if event.is_cancelled:
        raise Conflict(_("A cancelled round table has no follow-up."))
    if not event.has_ended:
        raise Conflict(_("A follow-up can be started once the round table has ended."),
                       code="not_ended")
    if event.follow_up_ecosystem_id or event.follow_up_challenge_uuid:
        raise Conflict(_("This round table already has a follow-up."), code="has_follow_up")


@transaction.atomic
def follow_up_ecosystem(
    *, actor: Actor, event: Event, name: str, goal: str,
    visibility: str = Ecosystem.Visibility.PUBLIC, message: str = "",
) -> Ecosystem:
    """Start an ecosystem from a round table and invite the attendees' organisations.

    The actor's organisation is its first member (as with any new ecosystem); every other
    attendee organisation gets an invitation, addressed to the attendee, unless
    the organisation has administrators and the attendee is not one of them.
    """
    event = lock_event(event)
    _check(actor, event)
    ecosystem = ecosystem_services.ecosystem_create(
        actor=actor, name=name, goal=goal, visibility=visibility,
        description=str(_("Started after the round table “%(title)s”.") % {"title": event.title}),
    )
    invited = []
    for registration in attendee_organisations(event):
        organisation = registration.organisation
        if actor.organisation is not None and organisation.pk == actor.organisation.pk:
            continue
        admins = organisation_admins(organisation)
        recipient = admins[0] if admins and registration.person not in admins else (
            registration.person)
        ecosystem_services.invitation_create(
            actor=actor, ecosystem=ecosystem, email=recipient.email, organisation=organisation,
            message=message,
        )
        invited.append(str(organisation.uuid))
    event.follow_up_ecosystem = ecosystem
    event.save(update_fields=["follow_up_ecosystem", "updated_at"])
    record(verb="events.event.followed_up", actor=actor, **about(event), ecosystem=ecosystem,
           payload={"event": str(event.uuid), "ecosystem": str(ecosystem.uuid),
                    "invited": invited})
    return ecosystem


@transaction.atomic
def follow_up_challenge(
    *, actor: Actor, event: Event, question: str, context: str = "",
) -> Any:
    """Turn a round table into an ideation challenge, and invite its attendees to it.

    The challenge belongs to the round table's ecosystem (or is public when the round table
    had none) and names the round table as its source; every attendee with an account is
    invited in the app and by email.
    """
    from zwerm.ideation import services as ideation_services

    event = lock_event(event)
    _check(actor, event)
    challenge = ideation_services.challenge_create(
        actor=actor, ecosystem=event.ecosystem, question=question,
        context=context or str(_("Follows up the round table “%(title)s”.")
                               % {"title": event.title}),
        source_uuid=event.uuid,
    )
    event.follow_up_challenge_uuid = challenge.uuid
    event.save(update_fields=["follow_up_challenge_uuid", "updated_at"])
    people = [r.person for r in event.registrations.filter(
        state=Registration.State.CONFIRMED, person__isnull=False).select_related("person")]
    activity = record(verb="events.event.followed_up_challenge", actor=actor, **about(event),
                      ecosystem=event.ecosystem,
                      payload={"event": str(event.uuid), "challenge": str(challenge.uuid),
                               "invited": len(people)})
    notify(recipients=people, kind="events.follow_up", activity=activity,
           url=reverse("ideation:challenge", kwargs={"slug": challenge.slug}))
    return challenge
