"""The membership state machine, pure: every allowed step, and refusals of the rest."""

import pytest

from zwerm.ecosystems import states
from zwerm.ecosystems.models import Membership


def test_the_machine_knows_exactly_the_model_states():
    assert set(states.STATES) == set(Membership.State.values)


@pytest.mark.parametrize(
    ("state", "action", "target"),
    [
        (None, "join", "active"),
        ("left", "join", "active"),
        ("declined", "join", "active"),
        (None, "request", "requested"),
        ("left", "request", "requested"),
        (None, "invite", "invited"),
        ("requested", "accept", "active"),
        ("requested", "decline", "declined"),
        ("invited", "accept_invitation", "active"),
        (None, "accept_invitation", "active"),
        ("invited", "decline_invitation", "declined"),
        ("invited", "revoke_invitation", "declined"),
        ("active", "pause", "paused"),
        ("paused", "resume", "active"),
        ("active", "leave", "left"),
        ("paused", "leave", "left"),
        ("requested", "withdraw", "left"),
    ],
)
def test_allowed_transitions(state, action, target):
    assert states.next_state(state, action) == target


@pytest.mark.parametrize(
    ("state", "action"),
    [
        ("active", "join"),
        ("paused", "join"),
        ("requested", "request"),
        ("invited", "request"),
        ("active", "invite"),
        ("active", "accept"),
        ("invited", "accept"),
        ("left", "accept"),
        ("active", "decline"),
        ("active", "accept_invitation"),
        ("paused", "accept_invitation"),
        ("requested", "decline_invitation"),
        ("paused", "pause"),
        ("left", "pause"),
        ("active", "resume"),
        ("requested", "leave"),
        ("left", "leave"),
        (None, "leave"),
        ("active", "withdraw"),
        ("active", "no-such-action"),
    ],
)
def test_refused_transitions(state, action):
    with pytest.raises(states.InvalidTransition):
        states.next_state(state, action)


def test_every_transition_has_a_dotted_ecosystems_verb():
    for transition in states.TRANSITIONS.values():
        assert transition.verb.startswith("ecosystems.")
        assert transition.target in states.STATES


def test_allowed_actions_from_active():
    assert states.allowed_actions("active") == ["pause", "leave"]
    assert "join" in states.allowed_actions(None)
