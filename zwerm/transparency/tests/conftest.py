"""Fixtures of the log's tests: a temporary signing key and an ecosystem with activities."""

from __future__ import annotations

import pytest
from django.db import transaction

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.management.commands.zwerm_keys import ensure_signing_key
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import OrganisationFactory, person_in


@pytest.fixture(autouse=True)
def signing_key(tmp_path, monkeypatch):
    """A fresh Ed25519 key per test, pointed at through the environment as in production."""
    path = tmp_path / "keys" / "signing.pem"
    ensure_signing_key(path)
    monkeypatch.setenv("ZWERM_SIGNING_KEY", str(path))
    return path


class World:
    def __init__(self, visibility: str = "public") -> None:
        self.ecosystem = EcosystemFactory(visibility=visibility)
        self.organisation = OrganisationFactory()
        self.admin = person_in(self.organisation, role=OrganisationMember.Role.ADMIN)
        self.membership = MembershipFactory(
            ecosystem=self.ecosystem, organisation=self.organisation
        )
        self.actor = Actor(person=self.admin, organisation=self.organisation)

    def record(self, verb: str = "ecosystems.membership.joined", n: int = 1, **payload):
        activities = []
        with transaction.atomic():
            for i in range(n):
                activities.append(
                    record(
                        verb=verb, actor=self.actor, subject=self.membership,
                        ecosystem=self.ecosystem, payload={"n": i, **payload},
                    )
                )
        return activities


@pytest.fixture
def world(db) -> World:
    return World()


@pytest.fixture
def private_world(db) -> World:
    return World(visibility="members")
