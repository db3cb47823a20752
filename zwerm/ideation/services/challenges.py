"""Writes about challenges themselves: starting them, their settings and their phases."""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.notifications import notify
from zwerm.ideation import permissions
from zwerm.ideation.models import Challenge, Phase, Result
from zwerm.ideation.models.challenges import PHASE_ORDER, PHASE_STARTS
from zwerm.ideation.services._common import (
    challenge_url,
    clean_text,
    require_manager,
    require_person,
)

QUESTION_MAX = 300
CONTEXT_MAX = 20000
RESERVED_SLUGS = {"new"}
DATE_FIELDS = ("opens_at", *PHASE_STARTS.values())
SETTING_FIELDS = ("method", "dots", "weighting", "secret", "commitment_threshold")


def _unique_slug(question: str) -> str:
    base = slugify(question)[:60].strip("-") or "uitdaging"
    if base in RESERVED_SLUGS:
        base = f"{base}-uitdaging"
    slug, number = base, 2
    while Challenge.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def _clean_dates(dates: dict[str, datetime | None]) -> dict[str, datetime | None]:
    """Aware datetimes, each phase starting no earlier than the one before it."""
    previous: datetime | None = None
    for field in DATE_FIELDS:
        value = dates.get(field)
        if value is None:
            continue
        if timezone.is_naive(value):
            raise ValidationFailed(_("Give the date with its time zone."), field=field)
        if previous is not None and value < previous:
            raise ValidationFailed(
                _("Each phase must start after the phase before it."), field=field
            )
        previous = value
    return dates


def _clean_settings(values: dict[str, Any]) -> dict[str, Any]:
    if values["method"] not in Challenge.Method.values:
        raise ValidationFailed(_("Choose one of the offered voting methods."), field="method")
    if values["weighting"] not in Challenge.Weighting.values:
        raise ValidationFailed(_("Choose one of the offered weightings."), field="weighting")
    try:
        dots = int(values["dots"])
        threshold = int(values["commitment_threshold"])
    except (TypeError, ValueError):
        raise ValidationFailed(_("Give a whole number."), field="dots") from None
    if not 1 <= dots <= 100:
        raise ValidationFailed(_("Give every voter between 1 and 100 dots."), field="dots")
    if not 1 <= threshold <= 1000:
        raise ValidationFailed(
            _("At least one organisation must commit before an initiative starts."),
            field="commitment_threshold",
        )
    values["dots"], values["commitment_threshold"] = dots, threshold
    values["secret"] = bool(values["secret"])
    return values


@transaction.atomic
def challenge_create(
    *,
    actor: Actor,
    ecosystem: Any = None,
    question: str,
    context: str = "",
    slug: str = "",
    opens_at: datetime | None = None,
    refine_starts_at: datetime | None = None,
    vote_starts_at: datetime | None = None,
    select_starts_at: datetime | None = None,
    closes_at: datetime | None = None,
    method: str = Challenge.Method.DOT,
    dots: int = 5,
    weighting: str | None = None,
    secret: bool = True,
    commitment_threshold: int = 3,
    facilitators: Iterable[Any] = (),
    source_uuid: uuid_module.UUID | str | None = None,
) -> Challenge:
    """Start a challenge in an ecosystem (or public); its creator facilitates it.

    Weighting defaults to one voice per organisation in an ecosystem, per person otherwise.
    ``source_uuid`` names what the challenge came from (e.g. a round table).
    """
    require_person(actor)
    if not permissions.can_create(actor, ecosystem):
        raise NotAllowed(
            _("Only members of the ecosystem start challenges in it.")
            if ecosystem is not None
            else _("Act for an organisation to start a challenge."),
        )
    question = clean_text(question, field="question", label=_("question"), required=True,
                          max_length=QUESTION_MAX)
    context = clean_text(context, field="context", label=_("context"), required=False,
                         max_length=CONTEXT_MAX)
    if weighting is None:
        weighting = (
            Challenge.Weighting.ORGANISATION if ecosystem is not None
            else Challenge.Weighting.PERSON
        )
    values = _clean_settings({
        "method": method, "dots": dots, "weighting": weighting, "secret": secret,
        "commitment_threshold": commitment_threshold,
    })
    dates = _clean_dates({
        "opens_at": opens_at or timezone.now(), "refine_starts_at": refine_starts_at,
        "vote_starts_at": vote_starts_at, "select_starts_at": select_starts_at,
        "closes_at": closes_at,
    })
    slug = slugify(slug)[:80] if slug else ""
    if not slug or slug in RESERVED_SLUGS or Challenge.objects.filter(slug=slug).exists():
        slug = _unique_slug(slug or question)
    challenge = Challenge.objects.create(
        ecosystem=ecosystem, slug=slug, question=question, context=context,
        created_by=actor.person, organisation=actor.organisation,
        source_uuid=uuid_module.UUID(str(source_uuid)) if source_uuid else None,
        **values, **dates,
    )
    challenge.announced_phase = challenge.phase
    challenge.save(update_fields=["announced_phase"])
    challenge.facilitators.add(actor.person, *[p for p in facilitators if p is not None])
    record(
        verb="ideation.challenge.created", actor=actor, subject=challenge, ecosystem=ecosystem,
        payload={
            "method": challenge.method, "weighting": challenge.weighting,
            "secret": challenge.secret, "phase": challenge.phase,
            "source": str(challenge.source_uuid) if challenge.source_uuid else "",
        },
    )
    return challenge


@transaction.atomic
def challenge_update(*, actor: Actor, challenge: Challenge, **changes: Any) -> Challenge:
    """Change the question, context, dates or (before the vote opens) the voting settings."""
    require_manager(actor, challenge)
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    allowed = {"question", "context", *DATE_FIELDS, *SETTING_FIELDS}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationFailed(_("This field cannot be changed."), field=sorted(unknown)[0])
    if "question" in changes:
        changes["question"] = clean_text(changes["question"], field="question",
                                         label=_("question"), required=True,
                                         max_length=QUESTION_MAX)
    if "context" in changes:
        changes["context"] = clean_text(changes["context"], field="context", label=_("context"),
                                        required=False, max_length=CONTEXT_MAX)
    settings_changed = [f for f in SETTING_FIELDS if f in changes
                        and changes[f] != getattr(challenge, f)]
    if settings_changed:
        if challenge.phase_index() >= 2 or challenge.ballots.exists():
            raise ValidationFailed(
                _("The voting rules cannot change once the vote has opened."),
                field=settings_changed[0],
            )
        merged = {f: changes.get(f, getattr(challenge, f)) for f in SETTING_FIELDS}
        changes.update(_clean_settings(merged))
    dates = {f: changes.get(f, getattr(challenge, f)) for f in DATE_FIELDS}
    if any(f in changes for f in DATE_FIELDS):
        _clean_dates(dates)
    fields = sorted(f for f, value in changes.items() if getattr(challenge, f) != value)
    for field in fields:
        setattr(challenge, field, changes[field])
    _refuse_reopening(challenge, field=fields[0] if fields else "phase")
    if fields:
        challenge.save(update_fields=[*fields, "updated_at"])
        record(verb="ideation.challenge.updated", actor=actor, subject=challenge,
               ecosystem=challenge.ecosystem, payload={"fields": fields})
    return challenge


def _refuse_reopening(challenge: Challenge, *, field: str) -> None:
    """A published result is final: the challenge cannot go back to the vote or before."""
    if challenge.phase_index() <= PHASE_ORDER.index(Phase.VOTE) and Result.objects.filter(
        challenge=challenge
    ).exists():
        raise Conflict(
            _("The result of the vote has been published; the challenge cannot go back to "
              "the vote or an earlier phase."),
            field=field, code="result_published",
        )


def participants(challenge: Challenge) -> set[Any]:
    """Facilitators, authors, commenters and followers: who hears of phase changes."""
    from zwerm.accounts.models import User

    ids = set(challenge.facilitators.values_list("pk", flat=True))
    ids |= set(challenge.ideas.exclude(author=None).values_list("author_id", flat=True))
    ids |= set(
        challenge.ideas.filter(comments__author__isnull=False)
        .values_list("comments__author_id", flat=True)
    )
    ids |= set(
        challenge.ideas.filter(follows__isnull=False).values_list("follows__person_id", flat=True)
    )
    return set(User.objects.filter(pk__in=ids, is_active=True))


def _announce(actor: Actor, challenge: Challenge, previous: str, by_hand: bool) -> None:
    current = challenge.phase
    challenge.announced_phase = current
    challenge.save(update_fields=["announced_phase"])
    activity = record(
        verb="ideation.challenge.phase_changed", actor=actor, subject=challenge,
        ecosystem=challenge.ecosystem,
        payload={"from": previous, "to": current, "by_hand": by_hand},
    )
    notify(recipients=participants(challenge), kind="ideation.phases", activity=activity,
           url=challenge_url(challenge))
    vote = PHASE_ORDER.index(Phase.VOTE)
    if PHASE_ORDER.index(Phase(previous)) <= vote < challenge.phase_index() and (
        challenge.ballots.exists()
    ):
        from zwerm.ideation.services.voting import result_publish

        result_publish(actor=actor, challenge=challenge)


@transaction.atomic
def challenge_phase_set(*, actor: Actor, challenge: Challenge, phase: str) -> Challenge:
    """Move a challenge by hand to ``phase``; an empty phase lets the dates lead again."""
    require_manager(actor, challenge)
    if phase and phase not in Phase.values:
        raise ValidationFailed(_("Choose one of the phases."), field="phase")
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    previous = challenge.phase
    challenge.manual_phase = phase
    _refuse_reopening(challenge, field="phase")
    challenge.save(update_fields=["manual_phase", "updated_at"])
    if challenge.phase != previous:
        _announce(actor, challenge, previous, by_hand=True)
    return challenge


@transaction.atomic
def challenge_announce_phase(*, challenge: Challenge) -> bool:
    """Record and announce a phase that began on its date (run by a periodic task)."""
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if challenge.phase == challenge.announced_phase:
        return False
    _announce(Actor.system(), challenge, challenge.announced_phase, by_hand=False)
    return True


@transaction.atomic
def challenge_facilitator_add(*, actor: Actor, challenge: Challenge, person: Any) -> Challenge:
    require_manager(actor, challenge)
    if not permissions.can_participate(person, challenge):
        raise ValidationFailed(
            _("A facilitator must be able to take part in the challenge."), field="person"
        )
    if not challenge.facilitators.filter(pk=person.pk).exists():
        challenge.facilitators.add(person)
        record(verb="ideation.challenge.facilitator_added", actor=actor, subject=challenge,
               ecosystem=challenge.ecosystem, payload={"person": str(person.uuid)})
    return challenge
