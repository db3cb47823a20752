"""Helpers the ideation services share: checks of who acts and in which phase."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.ideation import permissions
from zwerm.ideation.models import Challenge, Phase

PHASE_ERRORS = {
    Phase.COLLECT: _("New ideas are welcome only while the challenge collects ideas."),
    Phase.REFINE: _("This can be done only while the ideas are refined and clustered."),
    Phase.VOTE: _("Voting is possible only while the vote is open."),
    Phase.SELECT: _("This can be done only in the phase of selection and commitment."),
}


def require_person(actor: Actor) -> None:
    if not actor.is_authenticated:
        raise NotAllowed(_("Sign in to do this."))


def require_view(actor: Actor, challenge: Challenge) -> None:
    if not actor.is_system and not permissions.can_view(actor.person, challenge):
        raise NotFound(_("This challenge does not exist or is not visible to you."))


def require_participant(actor: Actor, challenge: Challenge) -> None:
    require_person(actor)
    require_view(actor, challenge)
    if not permissions.can_participate(actor.person, challenge):
        raise NotAllowed(
            _("Only members of the ecosystem take part in this challenge."), code="not_member"
        )


def require_manager(actor: Actor, challenge: Challenge) -> None:
    if actor.is_system:
        return
    require_person(actor)
    require_view(actor, challenge)
    if not permissions.can_manage(actor.person, challenge):
        raise NotAllowed(_("Only the facilitators of this challenge may do this."))


PHASE_FIELDS = ["manual_phase", "opens_at", "refine_starts_at", "vote_starts_at",
                "select_starts_at", "closes_at"]


def require_phase(challenge: Challenge, *phases: str) -> None:
    """Check the phase as stored now, not as an older copy of the challenge remembers it."""
    challenge.refresh_from_db(fields=PHASE_FIELDS)
    if challenge.phase not in phases:
        raise Conflict(PHASE_ERRORS.get(phases[0], _("Not possible in this phase.")),
                       code="wrong_phase")


def clean_text(
    value: str | None, *, field: str, label: Any, required: bool, max_length: int
) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationFailed(_("Please fill in the %(field)s.") % {"field": label}, field=field)
    if len(value) > max_length:
        raise ValidationFailed(
            _("The %(field)s may be at most %(max)d characters long.")
            % {"field": label, "max": max_length},
            field=field,
        )
    return value


def challenge_url(challenge: Challenge) -> str:
    return reverse("ideation:challenge", kwargs={"slug": challenge.slug})


def idea_url(idea: Any) -> str:
    return reverse(
        "ideation:idea", kwargs={"slug": idea.challenge.slug, "idea": idea.uuid}
    )


def require_open(challenge: Challenge) -> None:
    challenge.refresh_from_db(fields=PHASE_FIELDS)
    if challenge.phase == Phase.CLOSED:
        raise Conflict(_("This challenge is closed."), code="wrong_phase")
