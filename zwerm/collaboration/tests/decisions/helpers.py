"""A small ecosystem for decision tests: member organisations, each with an admin and a
delegate, a facilitator, and shortcuts to table proposals and give positions."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from zwerm.collaboration.models import CollaborationSettings, WorkingGroup, WorkingGroupMember
from zwerm.collaboration.services.decisions import position_give, proposal_open
from zwerm.core.actor import Actor
from zwerm.ecosystems.models import Role
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory, RoleFactory
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

PASSWORD = "correct horse battery"


def soon(hours: int = 48):
    return timezone.now() + timedelta(hours=hours)


class Eco:
    """``Eco(orgs=3)``: an ecosystem with ``orgs`` active member organisations."""

    def __init__(self, orgs: int = 3, visibility: str = "public", mode: str = "organisation",
                 quorum: int | None = None, names: list[str] | None = None):
        self.ecosystem = EcosystemFactory(visibility=visibility)
        CollaborationSettings.objects.create(ecosystem=self.ecosystem, decision_mode=mode,
                                             quorum_percent=quorum)
        self.orgs, self.delegates, self.admins, self.people = [], [], [], []
        for index in range(orgs):
            name = names[index] if names else None
            organisation = OrganisationFactory(**({"name": name} if name else {}))
            MembershipFactory(ecosystem=self.ecosystem, organisation=organisation)
            admin = person_in(organisation, role=OrganisationMember.Role.ADMIN)
            delegate = person_in(organisation)
            RoleFactory(ecosystem=self.ecosystem, organisation=organisation, person=delegate,
                        name=Role.Name.DELEGATE)
            self.orgs.append(organisation)
            self.admins.append(admin)
            self.delegates.append(delegate)
        self.facilitator = person_in(self.orgs[0])
        RoleFactory(ecosystem=self.ecosystem, organisation=self.orgs[0],
                    person=self.facilitator, name=Role.Name.FACILITATOR)

    def delegate(self, index: int) -> Actor:
        return Actor(person=self.delegates[index], organisation=self.orgs[index])

    def admin(self, index: int) -> Actor:
        return Actor(person=self.admins[index], organisation=self.orgs[index])

    @property
    def fac(self) -> Actor:
        return Actor(person=self.facilitator, organisation=self.orgs[0])

    def propose(self, by: Actor | None = None, **fields):
        fields.setdefault("title", "Gezamenlijke opslag")
        fields.setdefault("body", "We huren **samen** een loods.")
        fields.setdefault("deadline", soon())
        return proposal_open(actor=by or self.admin(0), ecosystem=self.ecosystem, **fields)

    def respond(self, proposal, index: int, stance: str = "consent", reason: str = ""):
        return position_give(actor=self.delegate(index), proposal=proposal, stance=stance,
                             reason=reason)

    def group(self, members: list[int], archived: bool = False) -> WorkingGroup:
        group = WorkingGroup.objects.create(
            ecosystem=self.ecosystem, name=f"Werkgroep {WorkingGroup.objects.count()}",
            slug=f"werkgroep-{WorkingGroup.objects.count()}", purpose="Samen werken.",
            started_for=self.orgs[0],
            archived_at=timezone.now() if archived else None,
        )
        for index in members:
            WorkingGroupMember.objects.create(
                working_group=group, person=self.delegates[index], organisation=self.orgs[index],
                state=WorkingGroupMember.State.ACTIVE, joined_at=timezone.now())
        return group
