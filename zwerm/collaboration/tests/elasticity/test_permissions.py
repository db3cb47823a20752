"""The elasticity rules for every row of the permission matrix, public and members-only."""

import pytest

from zwerm.collaboration.models import HandOver
from zwerm.collaboration.permissions import elasticity as permissions
from zwerm.collaboration.tests.conftest import world  # noqa: F401
from zwerm.collaboration.tests.elasticity.conftest import make_commitment, make_group
from zwerm.core.actor import Actor
from zwerm.ecosystems.models import Membership
from zwerm.ecosystems.tests.conftest import VIEWERS
from zwerm.ecosystems.tests.factories import member_organisation
from zwerm.organisations.models import OrganisationMember

pytestmark = pytest.mark.django_db

SPEAKERS = {"delegate", "org_admin"}
EXPORTERS = {"delegate", "org_admin", "operator"}
MEMBERS = {"active", "paused", "observer", "facilitator", "delegate", "org_admin"}


def actors(people, organisations):
    home = organisations["active"]
    result = {}
    for label, person in people.items():
        organisation = organisations.get(label)
        if label in ("facilitator", "delegate", "org_admin"):
            organisation = home
        elif label == "outsider":
            organisation = OrganisationMember.objects.get(person=person).organisation
        result[label] = Actor(person=person, organisation=organisation)
    return result


@pytest.mark.parametrize("visibility", ["public", "members"])
def test_matrix(world, visibility):  # noqa: F811
    ecosystem, people, organisations = world(visibility)
    home = organisations["active"]
    giver, giver_admin = member_organisation(ecosystem)
    group = make_group(ecosystem, giver, giver_admin)
    commitment = make_commitment(ecosystem, giver, giver_admin, group)
    to_home = HandOver.objects.create(ecosystem=ecosystem, from_organisation=giver,
                                      to_organisation=home, commitment=commitment,
                                      state=HandOver.State.PENDING)
    everyone = actors(people, organisations)
    assert set(everyone) == set(VIEWERS)
    for label, actor in everyone.items():
        assert permissions.can_hand_over(actor, ecosystem) is (label in SPEAKERS), label
        assert permissions.can_answer_hand_over(actor, to_home) is (label in SPEAKERS), label
        assert (to_home.pk in permissions.answerable(actor, [to_home])) is (
            label in SPEAKERS), label
        assert permissions.can_withdraw_hand_over(actor, to_home) is False, label
        assert permissions.can_export(actor.person, ecosystem, home) is (
            label in EXPORTERS), label
        assert permissions.can_see_onboarding(actor.person, ecosystem) is (
            label in MEMBERS), label
    assert permissions.can_withdraw_hand_over(Actor(giver_admin, giver), to_home)


def test_export_stays_possible_after_leaving_but_not_for_who_never_took_part(world):  # noqa: F811
    ecosystem, people, organisations = world("members")
    home = organisations["active"]
    Membership.objects.filter(organisation=home).update(state="left")
    ecosystem.memberships.get(organisation=home).events.create(to_state="active",
                                                               kind="member")
    assert permissions.can_export(people["org_admin"], ecosystem, home)
    assert not permissions.can_see_onboarding(people["org_admin"], ecosystem)
    requested = organisations["requested"]
    assert not permissions.can_export(people["requested"], ecosystem, requested)


def test_answering_stops_when_the_request_was_answered(world):  # noqa: F811
    ecosystem, people, organisations = world()
    giver, giver_admin = member_organisation(ecosystem)
    commitment = make_commitment(ecosystem, giver, giver_admin,
                                 make_group(ecosystem, giver, giver_admin))
    hand_over = HandOver.objects.create(ecosystem=ecosystem, from_organisation=giver,
                                        to_organisation=organisations["active"],
                                        commitment=commitment, state=HandOver.State.DECLINED)
    admin = Actor(people["org_admin"], organisations["active"])
    assert not permissions.can_answer_hand_over(admin, hand_over)
    assert not permissions.can_withdraw_hand_over(Actor(giver_admin, giver), hand_over)
