"""Selectors other parts rely on, the panels, and the kernel hooks: data export, erasure,
organisation merges."""

import pytest
from django.test import RequestFactory

from zwerm.accounts.services import person_erase
from zwerm.accounts.tests.factories import UserFactory
from zwerm.collaboration.models import WorkingGroup, WorkingGroupMember, WorkingGroupRole
from zwerm.collaboration.panels import working_groups as panels
from zwerm.collaboration.selectors import working_groups as selectors
from zwerm.collaboration.services.working_groups import (
    working_group_archive,
    working_group_join,
    working_group_leave,
    working_group_start,
)
from zwerm.collaboration.services.working_groups_posts import post_create
from zwerm.collaboration.tests.working_groups.helpers import actor, make_setting, start
from zwerm.core.actor import Actor
from zwerm.core.models import Activity
from zwerm.core.privacy import export_sections
from zwerm.ecosystems.tests.factories import MembershipFactory, admin_of
from zwerm.organisations.services.merge import organisation_merge
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return make_setting()


def test_working_groups_of_hides_members_only_ecosystems_and_filters(s):
    start(s, name="Alpha")
    old = start(s, index=1, name="Beta")
    working_group_archive(actor=s.actor(1), working_group=old, reason="Klaar")
    groups = list(selectors.working_groups_of(ecosystem=s.ecosystem, viewer=None))
    assert [g.name for g in groups] == ["Alpha", "Beta"]
    assert groups[0].member_count == 1 and groups[0].current_roles[0].name == "lead"
    assert [g.name for g in selectors.working_groups_of(ecosystem=s.ecosystem, viewer=None,
                                                         archived=True)] == ["Beta"]
    assert [g.name for g in selectors.working_groups_of(ecosystem=s.ecosystem, viewer=None,
                                                         query="alp")] == ["Alpha"]
    private = make_setting("members")
    start(private)
    assert not selectors.working_groups_of(ecosystem=private.ecosystem, viewer=None).exists()
    assert selectors.working_groups_of(ecosystem=private.ecosystem,
                                       viewer=private.people[1]).count() == 1
    assert selectors.working_group_detail(ecosystem=private.ecosystem,
                                          slug="circulaire-inkoop", viewer=None) is None


def test_membership_selectors(s):
    group = start(s)
    working_group_join(actor=s.actor(1), working_group=group)
    working_group_join(actor=s.actor(2), working_group=group)
    working_group_leave(actor=s.actor(2), working_group=group)
    assert selectors.active_member_organisation_ids(group) == {s.orgs[0].pk, s.orgs[1].pk}
    assert selectors.is_working_group_member(s.people[1], group)
    assert not selectors.is_working_group_member(s.people[2], group)
    assert not selectors.is_working_group_member(None, group)
    holders = selectors.role_holders(group)
    assert holders["lead"].person == s.people[0] and holders["secretary"] is None
    detail = selectors.working_group_detail(ecosystem=s.ecosystem, slug=group.slug, viewer=None)
    assert selectors.is_working_group_member(s.people[1], detail)
    assert selectors.role_holders(detail)["lead"].person == s.people[0]


def test_recently_active_puts_the_latest_thread_first(s):
    first = start(s, name="Eerste")
    start(s, name="Tweede")
    start(s, name="Derde")
    post_create(actor=s.actor(0), working_group=first, body="Nieuws")
    names = [g.name for g in selectors.recently_active(ecosystem=s.ecosystem, viewer=None)]
    assert names[0] == "Eerste" and len(names) == 3


def test_aside_panel_is_hidden_for_those_who_may_not_see(s):
    private = make_setting("members")
    start(private)
    request = RequestFactory().get("/")
    request.user = UserFactory()
    request.actor = Actor(person=request.user)
    assert panels.ecosystem_aside(request, private.ecosystem) is None
    context = panels.ecosystem_aside(request, s.ecosystem)
    assert context["count"] == 0 and context["can_start"] is False


def test_export_lists_memberships_roles_and_posts(s):
    group = start(s)
    post_create(actor=s.actor(0), working_group=group, body="Hallo")
    section = export_sections(s.people[0])["collaboration_working_groups"]
    assert section["memberships"][0]["working_group_uuid"] == str(group.uuid)
    assert section["memberships"][0]["organisation"] == s.orgs[0].name
    assert section["roles"][0]["role"] == "lead"
    assert section["posts"][0]["body"] == "Hallo"
    assert export_sections(s.people[1])["collaboration_working_groups"] == {
        "memberships": [], "roles": [], "posts": []}


def test_erasure_ends_memberships_and_roles_first(s):
    group = start(s)
    working_group_join(actor=s.actor(1), working_group=group)
    post = post_create(actor=s.actor(1), working_group=group, body="Tot ziens")
    person_erase(actor=s.actor(1), password="correct horse battery")
    assert Activity.objects.filter(verb="collaboration.working_group.left",
                                   is_system=True).count() == 1
    post.refresh_from_db()
    assert post.author is None and post.body == "Tot ziens"
    assert not WorkingGroupMember.objects.filter(person_id=s.people[1].pk).exists()


def test_merge_moves_memberships_roles_and_started_groups(s):
    source = OrganisationFactory()
    MembershipFactory(ecosystem=s.ecosystem, organisation=source)
    person = person_in(source)
    group = start(s)
    group_of_source = working_group_start(actor=actor(person, source), ecosystem=s.ecosystem,
                                          name="Van bron", purpose="Doel")
    working_group_join(actor=actor(person, source), working_group=group)
    operator = UserFactory(is_staff=True)
    organisation_merge(actor=Actor(person=operator), source=source, target=s.orgs[1])
    assert WorkingGroup.objects.get(pk=group_of_source.pk).started_for == s.orgs[1]
    assert set(WorkingGroupMember.objects.filter(person=person).values_list(
        "organisation", flat=True)) == {s.orgs[1].pk}
    assert WorkingGroupRole.objects.get(person=person).organisation == s.orgs[1]


def test_leaving_the_organisation_hands_roles_to_the_successor(s):
    from zwerm.organisations.services.people import leave_requirements, member_leave

    group = start(s)
    colleague = person_in(s.orgs[0])
    assert leave_requirements(organisation=s.orgs[0], person=s.people[0])["held_roles"]
    member_leave(actor=s.actor(0), organisation=s.orgs[0], successor=colleague)
    lead = WorkingGroupRole.objects.get(working_group=group, ended_at__isnull=True)
    assert lead.person == colleague and lead.organisation == s.orgs[0]
    assert WorkingGroupMember.objects.get(person=colleague).state == "active"
    assert WorkingGroupMember.objects.get(person=s.people[0]).state == "left"
    activity = Activity.objects.filter(verb="collaboration.working_group.left").get()
    assert activity.payload["roles_handed_over"] == ["lead"]


def test_leaving_without_successor_leaves_roles_vacant(s):
    from zwerm.organisations.services.people import member_leave

    lonely = OrganisationFactory()
    admin = admin_of(lonely)
    MembershipFactory(ecosystem=s.ecosystem, organisation=lonely)
    group = working_group_start(actor=actor(admin, lonely), ecosystem=s.ecosystem, name="Solo",
                                purpose="Doel")
    member_leave(actor=actor(admin, lonely), organisation=lonely)
    assert not WorkingGroupRole.objects.filter(working_group=group, ended_at__isnull=True).exists()
    assert group.members.get().state == "left"
