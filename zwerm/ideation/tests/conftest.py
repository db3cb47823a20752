import pytest

from zwerm.core.actor import Actor
from zwerm.ecosystems.tests.conftest import world  # noqa: F401  (the permission matrix)
from zwerm.ideation.models import Phase
from zwerm.ideation.services import challenge_phase_set, idea_submit
from zwerm.ideation.tests.factories import challenge_in, member_organisation, started_ecosystem


class Setup:
    """An ecosystem challenge with a facilitator and three member organisations."""

    def __init__(self, **fields):
        self.ecosystem, _f, _o = started_ecosystem()
        self.challenge, self.facilitator, self.home = challenge_in(self.ecosystem, **fields)
        self.fac = Actor(person=self.facilitator, organisation=self.home)
        self.members = []
        for _ in range(3):
            organisation, admin = member_organisation(self.ecosystem)
            self.members.append(Actor(person=admin, organisation=organisation))

    def idea(self, title="Deelauto's op het bedrijventerrein", actor=None, **fields):
        return idea_submit(actor=actor or self.members[0], challenge=self.challenge,
                           title=title, **fields)

    def phase(self, phase):
        self.challenge = challenge_phase_set(actor=self.fac, challenge=self.challenge,
                                             phase=phase)
        return self.challenge


@pytest.fixture
def setup():
    return Setup()


@pytest.fixture
def make_setup():
    return Setup


__all__ = ["Phase"]
