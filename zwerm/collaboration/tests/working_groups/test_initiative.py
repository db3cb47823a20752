"""An initiative from ideation becomes a working group with its committed organisations."""

import pytest

from zwerm.collaboration.models import WorkingGroupRole
from zwerm.collaboration.services.working_groups_posts import working_group_from_initiative
from zwerm.collaboration.tests.working_groups.helpers import (
    actor,
    make_setting,
    started_initiative,
)
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity
from zwerm.ecosystems.tests.factories import member_organisation
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return make_setting()


def test_committed_people_become_members_and_the_actor_leads(s):
    initiative = started_initiative(s.ecosystem, [(s.orgs[1], s.people[1]),
                                                  (s.orgs[2], s.people[2])])
    group = working_group_from_initiative(actor=s.actor(2), initiative=initiative)
    assert group.initiative == initiative and group.name == "Warmtenet Noord"
    assert group.description == "Een **warmtenet**." and group.purpose
    assert set(group.members.values_list("person", "organisation")) == {
        (s.people[1].pk, s.orgs[1].pk), (s.people[2].pk, s.orgs[2].pk)}
    lead = WorkingGroupRole.objects.get(working_group=group)
    assert lead.person == s.people[2] and group.started_for == s.orgs[2]
    assert list(Activity.objects.filter(verb__startswith="collaboration.")
                .values_list("verb", flat=True)) == ["collaboration.working_group.from_initiative"]
    with pytest.raises(Conflict) as error:
        working_group_from_initiative(actor=s.actor(1), initiative=initiative)
    assert error.value.code == "already_exists"


def test_an_admin_stands_in_for_a_committer_who_left_and_inactive_members_are_skipped(s):
    paused_org, paused_admin = member_organisation(s.ecosystem, state="paused")
    gone = person_in(s.orgs[1])
    initiative = started_initiative(s.ecosystem, [(s.orgs[1], gone), (paused_org, paused_admin)])
    OrganisationMember.objects.filter(person=gone).update(left_at=initiative.created_at)
    group = working_group_from_initiative(actor=s.fac, initiative=initiative, name="Eigen naam")
    people = set(group.members.values_list("person", flat=True))
    assert people == {s.people[1].pk, s.facilitator.pk}  # the admin, and the facilitator
    assert group.name == "Eigen naam"
    assert WorkingGroupRole.objects.get(working_group=group).person == s.facilitator


def test_refusals(s):
    not_started = started_initiative(s.ecosystem, [(s.orgs[1], s.people[1])], started=False)
    with pytest.raises(Conflict) as error:
        working_group_from_initiative(actor=s.actor(1), initiative=not_started)
    assert error.value.code == "not_started"
    initiative = started_initiative(s.ecosystem, [(s.orgs[1], s.people[1])])
    with pytest.raises(NotAllowed):  # an active member that did not commit
        working_group_from_initiative(actor=s.actor(2), initiative=initiative)
    with pytest.raises(ValidationFailed):
        working_group_from_initiative(actor=s.actor(1), initiative=initiative, join_policy="x")
    assert not Activity.objects.filter(verb__startswith="collaboration.").exists()


def test_members_only_ecosystem_is_not_found_for_outsiders():
    s = make_setting("members")
    initiative = started_initiative(s.ecosystem, [(s.orgs[1], s.people[1])])
    outsider_org = OrganisationFactory()
    with pytest.raises(NotFound):
        working_group_from_initiative(actor=actor(person_in(outsider_org), outsider_org),
                                      initiative=initiative)
