import pytest

from zwerm.accounts.tests.factories import UserFactory
from zwerm.ecosystems.models import Membership, Role
from zwerm.ecosystems.tests.factories import (
    EcosystemFactory,
    MembershipFactory,
    RoleFactory,
    admin_of,
)
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

VIEWERS = [
    "anonymous", "outsider", "requested", "invited", "active", "paused", "observer",
    "facilitator", "delegate", "org_admin", "operator",
]
#: Who sees a members-only ecosystem: people of active or paused members, and operators.
SEES_MEMBERS_ONLY = {"active", "paused", "observer", "facilitator", "delegate", "org_admin",
                     "operator"}
MANAGES = {"facilitator", "operator"}


@pytest.fixture
def world():
    """``world(visibility)``: an ecosystem and one person per row of the permission matrix."""

    def build(visibility="public"):
        ecosystem = EcosystemFactory(visibility=visibility)
        people = {"anonymous": None, "outsider": person_in(OrganisationFactory())}
        organisations = {}
        for label, state, kind in [
            ("requested", "requested", "member"), ("invited", "invited", "member"),
            ("active", "active", "member"), ("paused", "paused", "member"),
            ("observer", "active", "observer"),
        ]:
            organisation = OrganisationFactory()
            MembershipFactory(ecosystem=ecosystem, organisation=organisation, state=state,
                              kind=kind)
            people[label] = admin_of(organisation) if label in ("requested", "invited") else (
                person_in(organisation))
            organisations[label] = organisation
        home = organisations["active"]
        people["facilitator"] = person_in(home)
        RoleFactory(ecosystem=ecosystem, organisation=home, person=people["facilitator"],
                    name=Role.Name.FACILITATOR)
        people["delegate"] = person_in(home)
        RoleFactory(ecosystem=ecosystem, organisation=home, person=people["delegate"],
                    name=Role.Name.DELEGATE)
        people["org_admin"] = admin_of(home)
        people["operator"] = UserFactory(is_staff=True)
        return ecosystem, people, organisations

    return build


__all__ = ["VIEWERS", "SEES_MEMBERS_ONLY", "MANAGES", "Membership"]
