"""Every write of matchmaking: dismiss and restore suggestions, request and answer
introductions. Each validates, writes and records its activity in one transaction."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.notifications import notify
from zwerm.matchmaking import permissions
from zwerm.matchmaking.models import Connection, Dismissal, Introduction
from zwerm.matchmaking.verbs import INTRODUCTIONS
from zwerm.organisations.models import Organisation, OrganisationMember

MAX_MESSAGE = 2000


def _own_organisation(actor: Actor) -> Organisation:
    organisation = permissions.acting_organisation(actor)
    if organisation is None:
        raise NotAllowed(_("Act for an organisation you belong to first."), code="no_organisation")
    return organisation


def _admins(organisation: Organisation):
    return [
        member.person for member in OrganisationMember.objects.filter(
            organisation=organisation, role=OrganisationMember.Role.ADMIN, left_at__isnull=True,
        ).select_related("person")
    ]


def connected(first: Organisation, second: Organisation) -> bool:
    low, high = sorted((first.pk, second.pk))
    return Connection.objects.filter(first_id=low, second_id=high).exists()


@transaction.atomic
def suggestion_dismiss(*, actor: Actor, organisation: Organisation) -> Dismissal:
    """Hide an organisation from the suggestions of the organisation the actor acts for."""
    own = _own_organisation(actor)
    if organisation.pk == own.pk:
        raise ValidationFailed(_("Your own organisation is never suggested."), field="organisation")
    dismissal, created = Dismissal.objects.get_or_create(
        organisation=own, dismissed=organisation, defaults={"dismissed_by": actor.person}
    )
    if created:
        record(verb="matchmaking.suggestion.dismissed", actor=actor, subject=organisation,
               organisation=own)
    return dismissal


@transaction.atomic
def suggestion_restore(*, actor: Actor, organisation: Organisation) -> None:
    """Show a dismissed organisation among the suggestions again."""
    own = _own_organisation(actor)
    deleted, _rows = Dismissal.objects.filter(organisation=own, dismissed=organisation).delete()
    if not deleted:
        raise NotFound(_("This organisation was not hidden from your suggestions."))
    record(verb="matchmaking.suggestion.restored", actor=actor, subject=organisation,
           organisation=own)


def introductions_url() -> str:
    return reverse("matchmaking:introductions")


@transaction.atomic
def introduction_request(
    *, actor: Actor, organisation: Organisation, message: str
) -> Introduction:
    """Ask to be introduced to ``organisation``; its administrators answer."""
    own = _own_organisation(actor)
    message = (message or "").strip()
    if organisation.pk == own.pk:
        raise ValidationFailed(_("You cannot ask for an introduction to your own organisation."),
                               field="organisation")
    if organisation.is_merged:
        raise Conflict(_("This organisation was merged into another one; ask that one instead."))
    if not message:
        raise ValidationFailed(_("Say in a few words why you would like to meet."),
                               field="message")
    if len(message) > MAX_MESSAGE:
        raise ValidationFailed(_("A message has at most 2,000 characters."), field="message")
    if connected(own, organisation):
        raise Conflict(_("Your organisations are already connected."), code="connected")
    pending = Introduction.objects.filter(state=Introduction.State.PENDING).filter(
        Q(requester=own, recipient=organisation) | Q(requester=organisation, recipient=own)
    ).first()
    if pending is not None:
        raise Conflict(
            _("You asked for this introduction already; it waits for an answer.")
            if pending.requester_id == own.pk else
            _("This organisation asked to meet you already: answer its request instead."),
            code="pending",
        )
    try:
        with transaction.atomic():
            introduction = Introduction.objects.create(
                requester=own, recipient=organisation, requested_by=actor.person, message=message
            )
    except IntegrityError:
        raise Conflict(_("You asked for this introduction already; it waits for an answer."),
                       code="pending") from None
    activity = record(verb="matchmaking.introduction.requested", actor=actor,
                      subject=introduction, organisation=own,
                      payload={"recipient": str(organisation.uuid)})
    notify(recipients=_admins(organisation), kind=INTRODUCTIONS, activity=activity,
           url=introductions_url())
    return introduction


def _answerable(actor: Actor, introduction: Introduction) -> Introduction:
    # Lock only the introduction row: PostgreSQL refuses to lock the nullable outer joins.
    locked = Introduction.objects.select_for_update(of=("self",)).select_related(
        "requester", "recipient", "requested_by"
    ).get(pk=introduction.pk)
    if not permissions.can_answer_introduction(actor, locked):
        raise NotAllowed(_("Only the administrators of the organisation asked may answer."))
    if locked.state != Introduction.State.PENDING:
        raise Conflict(_("This introduction was answered already."), code="answered")
    return locked


def _answer(actor: Actor, introduction: Introduction, state: str, reply: str) -> Introduction:
    reply = (reply or "").strip()
    if len(reply) > MAX_MESSAGE:
        raise ValidationFailed(_("A reply has at most 2,000 characters."), field="reply")
    introduction = _answerable(actor, introduction)
    introduction.state = state
    introduction.reply = reply
    introduction.answered_by = actor.person
    introduction.answered_at = timezone.now()
    introduction.save(update_fields=["state", "reply", "answered_by", "answered_at", "updated_at"])
    return introduction


def _tell_requester(introduction: Introduction, activity) -> None:
    recipients = {person.pk: person for person in _admins(introduction.requester)}
    requester = introduction.requested_by
    if requester is not None and OrganisationMember.objects.filter(
        organisation=introduction.requester, person=requester, left_at__isnull=True
    ).exists():
        recipients[requester.pk] = requester
    notify(recipients=recipients.values(), kind=INTRODUCTIONS, activity=activity,
           url=introductions_url())


@transaction.atomic
def introduction_accept(
    *, actor: Actor, introduction: Introduction, reply: str = ""
) -> Connection:
    """Accept: the two organisations are connected from now on."""
    introduction = _answer(actor, introduction, Introduction.State.ACCEPTED, reply)
    low, high = sorted((introduction.requester, introduction.recipient), key=lambda o: o.pk)
    connection, _created = Connection.objects.get_or_create(
        first=low, second=high, defaults={"introduction": introduction}
    )
    activity = record(verb="matchmaking.introduction.accepted", actor=actor,
                      subject=introduction, organisation=introduction.recipient,
                      payload={"requester": str(introduction.requester.uuid)})
    _tell_requester(introduction, activity)
    return connection


@transaction.atomic
def introduction_decline(
    *, actor: Actor, introduction: Introduction, reply: str = ""
) -> Introduction:
    """Decline, optionally with a reply; the requester may ask again later."""
    introduction = _answer(actor, introduction, Introduction.State.DECLINED, reply)
    activity = record(verb="matchmaking.introduction.declined", actor=actor,
                      subject=introduction, organisation=introduction.recipient,
                      payload={"requester": str(introduction.requester.uuid)})
    _tell_requester(introduction, activity)
    return introduction
