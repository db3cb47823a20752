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
