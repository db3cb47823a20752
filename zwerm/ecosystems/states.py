"""The membership state machine: pure data and one function, testable without a database.

A membership moves between requested, invited, active, paused, left and declined. Each
action names the states it may start from (``None`` when the organisation has no
membership yet) and the state it leads to. Services ask :func:`next_state` and never set
a state by hand, so the rules live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

REQUESTED = "requested"
INVITED = "invited"
ACTIVE = "active"
PAUSED = "paused"
LEFT = "left"
DECLINED = "declined"

STATES = (REQUESTED, INVITED, ACTIVE, PAUSED, LEFT, DECLINED)
#: States from which an organisation may (re)start a membership.
FRESH = (None, LEFT, DECLINED)


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str | None, ...]
    target: str
    verb: str


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        # An organisation joins an open ecosystem at once.
        Transition("join", FRESH, ACTIVE, "ecosystems.membership.joined"),
        # An organisation asks to join an ecosystem that works on request.
        Transition("request", FRESH, REQUESTED, "ecosystems.membership.requested"),
        # A facilitator invites a known organisation.
        Transition("invite", FRESH, INVITED, "ecosystems.membership.invited"),
        # A facilitator accepts or declines a request.
        Transition("accept", (REQUESTED,), ACTIVE, "ecosystems.membership.accepted"),
        Transition("decline", (REQUESTED,), DECLINED, "ecosystems.membership.declined"),
        # The organisation answers an invitation (sent to it, or by email to a person).
        Transition(
            "accept_invitation", (*FRESH, INVITED, REQUESTED), ACTIVE,
            "ecosystems.invitation.accepted",
        ),
        Transition("decline_invitation", (INVITED,), DECLINED, "ecosystems.invitation.declined"),
        # A facilitator withdraws an open invitation.
        Transition("revoke_invitation", (INVITED,), DECLINED, "ecosystems.invitation.revoked"),
        # The organisation takes a break, comes back, or leaves (or withdraws its request).
        Transition("pause", (ACTIVE,), PAUSED, "ecosystems.membership.paused"),
        Transition("resume", (PAUSED,), ACTIVE, "ecosystems.membership.resumed"),
        Transition("leave", (ACTIVE, PAUSED), LEFT, "ecosystems.membership.left"),
        Transition("withdraw", (REQUESTED,), LEFT, "ecosystems.membership.withdrawn"),
    )
}


class InvalidTransition(ValueError):
    """The action is not possible from the membership's current state."""

    def __init__(self, action: str, state: str | None):
        super().__init__(f"{action!r} is not possible from state {state!r}")
        self.action = action
        self.state = state


def transition(state: str | None, action: str) -> Transition:
    """The transition ``action`` takes from ``state``; raises :class:`InvalidTransition`."""
    found = TRANSITIONS.get(action)
    if found is None or state not in found.sources:
        raise InvalidTransition(action, state)
    return found


def next_state(state: str | None, action: str) -> str:
    return transition(state, action).target


def allowed_actions(state: str | None) -> list[str]:
    """Every action possible from ``state``, in the table's order."""
    return [t.action for t in TRANSITIONS.values() if state in t.sources]
