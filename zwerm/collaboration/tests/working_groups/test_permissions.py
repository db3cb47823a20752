"""Who may do what in a working group, for every role of the matrix, public and members-only."""

import pytest
from django.utils import timezone

from zwerm.collaboration.permissions import working_groups as permissions
from zwerm.collaboration.services.working_groups import working_group_start
from zwerm.core.actor import Actor
from zwerm.ecosystems.tests.conftest import SEES_MEMBERS_ONLY, VIEWERS
from zwerm.organisations.models import OrganisationMember

pytestmark = pytest.mark.django_db

ACTIVE_ORG = {"active", "facilitator", "delegate", "org_admin"}
LEAD = {"active"}
MANAGERS = {"facilitator", "operator"}

EXPECTED = {
    "can_start": ACTIVE_ORG,
    "can_join": ACTIVE_ORG - LEAD,
    "can_edit": LEAD | MANAGERS,
    "can_archive": LEAD | MANAGERS,
    "can_unarchive": set(),
    "can_post": LEAD,
    "can_announce": LEAD,
    "can_manage_roles": LEAD | MANAGERS,
    "can_answer_requests": LEAD | MANAGERS,
    "can_leave": LEAD,
}
ARCHIVED = {"can_unarchive": MANAGERS, "can_leave": LEAD}


def actor_for(label, people, organisations):
    person = people[label]
    if person is None:
        return Actor(person=None)
    if label in organisations:
        return Actor(person=person, organisation=organisations[label])
    if label in ("facilitator", "delegate", "org_admin"):
        return Actor(person=person, organisation=organisations["active"])
    place = OrganisationMember.objects.filter(person=person).select_related(
        "organisation").first()
    return Actor(person=person, organisation=place.organisation if place else None)


def check(name, who, group, ecosystem):
    function = getattr(permissions, name)
    return function(who, ecosystem) if name == "can_start" else function(who, group)


@pytest.mark.parametrize("visibility", ["public", "members"])
def test_matrix(world, visibility):
    ecosystem, people, organisations = world(visibility)
    group = working_group_start(actor=Actor(person=people["active"],
                                            organisation=organisations["active"]),
                                ecosystem=ecosystem, name="Werkgroep", purpose="Doel")
    seen = {label: permissions.can_view(people[label], ecosystem) for label in VIEWERS}
    expected_view = set(VIEWERS) if visibility == "public" else SEES_MEMBERS_ONLY
    assert {label for label, yes in seen.items() if yes} == expected_view
    for name, expected in EXPECTED.items():
        allowed = {label for label in VIEWERS
                   if check(name, actor_for(label, people, organisations), group, ecosystem)}
        assert allowed == expected, name
    group.archived_at = timezone.now()
    for name in ["can_edit", "can_archive", "can_join", "can_post", "can_announce",
                 "can_manage_roles", "can_answer_requests", "can_unarchive", "can_leave"]:
        allowed = {label for label in VIEWERS
                   if check(name, actor_for(label, people, organisations), group, ecosystem)}
        assert allowed == ARCHIVED.get(name, set()), name


def test_deleting_posts(world):
    from zwerm.collaboration.services.working_groups_posts import post_create

    ecosystem, people, organisations = world()
    author = Actor(person=people["active"], organisation=organisations["active"])
    group = working_group_start(actor=author, ecosystem=ecosystem, name="W", purpose="D")
    post = post_create(actor=author, working_group=group, body="Hallo")
    allowed = {label for label in VIEWERS if permissions.can_delete_post(people[label], post)}
    assert allowed == {"active", "facilitator", "operator"}


def test_a_role_held_after_the_organisation_left_gives_no_powers():
    """The lead's organisation leaves while the role's hand-over waits for an answer: the
    role is still held (it can be taken over), but without an active membership of the group
    it gives no powers. Facilitators keep theirs; the taker gets them on accepting."""
    from zwerm.collaboration.handlers.working_groups import held_roles as held_for_leaving
    from zwerm.collaboration.models import WorkingGroup, WorkingGroupRole
    from zwerm.collaboration.selectors import working_groups as selectors
    from zwerm.collaboration.services import elasticity
    from zwerm.collaboration.services.working_groups import (
        working_group_join,
        working_group_update,
    )
    from zwerm.collaboration.tests.working_groups.helpers import make_setting, start
    from zwerm.core.errors import NotAllowed
    from zwerm.ecosystems.models import Membership
    from zwerm.ecosystems.services import membership_leave

    s = make_setting()
    group = start(s, 1)
    working_group_join(actor=s.actor(2), working_group=group)
    leaver, role = s.actor(1), WorkingGroupRole.objects.get(working_group=group, name="lead")
    assert permissions.held_roles(leaver, group) == {"lead"}
    assert held_for_leaving(organisation=s.orgs[1], person=s.people[1])
    pending = elasticity.hand_over_request(actor=leaver, role=role, to_person=s.people[2])
    membership_leave(actor=leaver, reason="Het project is klaar.", membership=(
        Membership.objects.get(ecosystem=s.ecosystem, organisation=s.orgs[1])))
    role.refresh_from_db()
    assert role.ended_at is None  # still held: the hand-over may still be accepted

    fresh = WorkingGroup.objects.get(pk=group.pk)
    listed = selectors.working_groups_of(ecosystem=s.ecosystem, viewer=s.people[1]).get(
        pk=group.pk)
    detail = selectors.working_group_detail(ecosystem=s.ecosystem, slug=group.slug,
                                            viewer=s.people[1])
    powers = ["can_edit", "can_archive", "can_announce", "can_manage_roles",
              "can_answer_requests"]
    for loaded in (fresh, listed, detail):  # no prefetch, roles only, roles and members
        assert permissions.held_roles(leaver, loaded) == set()
        for name in powers:
            assert not getattr(permissions, name)(leaver, loaded), name
            if name != "can_announce":  # announcing is the roles' own
                assert getattr(permissions, name)(s.fac, loaded), name
    assert not permissions.can_manage_roles(leaver, fresh, "lead")
    assert held_for_leaving(organisation=s.orgs[1], person=s.people[1]) == []
    assert list(permissions.current_roles(working_group=group, acting=False)) == [role]
    with pytest.raises(NotAllowed):
        working_group_update(actor=leaver, working_group=fresh, name="Overgenomen")

    elasticity.hand_over_accept(actor=s.actor(2), hand_over=pending)
    assert permissions.held_roles(s.actor(2), WorkingGroup.objects.get(pk=group.pk)) == {"lead"}
