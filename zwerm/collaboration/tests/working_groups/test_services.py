"""Services of working groups: the happy paths and every refusal, each recorded once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from zwerm.collaboration.models import (
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupPost,
    WorkingGroupRole,
)
from zwerm.collaboration.services import working_groups as services
from zwerm.collaboration.services import working_groups_posts as posts
from zwerm.collaboration.services import working_groups_roles as roles
from zwerm.collaboration.tests.working_groups.helpers import actor, make_setting, start
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity, Notification
from zwerm.ecosystems.models import Membership
from zwerm.ecosystems.tests.factories import member_organisation
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def verbs():
    return list(Activity.objects.order_by("seq").values_list("verb", flat=True))


@pytest.fixture
def s():
    return make_setting()


def member_of(group, setting, index):
    return WorkingGroupMember.objects.get(working_group=group, person=setting.people[index],
                                          state="active")


# Starting ---------------------------------------------------------------------------------


def test_start_makes_the_starter_member_and_lead_with_a_term(s):
    group = start(s, rotation_months=6, description="**Samen**")
    assert group.slug == "circulaire-inkoop"
    assert group.started_for == s.orgs[0] and group.started_by == s.people[0]
    member = member_of(group, s, 0)
    assert member.organisation == s.orgs[0] and member.joined_at is not None
    lead = WorkingGroupRole.objects.get(working_group=group, ended_at__isnull=True)
    assert lead.name == "lead" and lead.person == s.people[0]
    assert 180 <= (lead.term_ends_on - timezone.localdate()).days <= 185
    assert verbs() == ["collaboration.working_group.started"]
    activity = Activity.objects.get()
    assert activity.ecosystem_uuid == s.ecosystem.uuid
    assert activity.organisation_uuid == s.orgs[0].uuid


def test_slugs_are_unique_per_ecosystem_and_avoid_page_names(s):
    first = start(s, name="New")
    second = start(s, index=1, name="Nieuw!")
    assert first.slug == "new-2"
    assert second.slug == "nieuw"
    other = make_setting()
    assert start(other, name="Nieuw").slug == "nieuw"


def test_names_are_unique_per_ecosystem(s):
    start(s)
    with pytest.raises(ValidationFailed) as error:
        start(s, index=1, name="circulaire INKOOP")
    assert error.value.fields == {"name": [str(error.value.message)]}


@pytest.mark.parametrize("fields, field", [
    ({"name": "  "}, "name"),
    ({"purpose": ""}, "purpose"),
    ({"name": "x" * 201}, "name"),
    ({"join_policy": "sometimes"}, "join_policy"),
    ({"rotation_months": 0}, "rotation_months"),
    ({"rotation_months": 61}, "rotation_months"),
    ({"rotation_months": "zes"}, "rotation_months"),
])
def test_start_refuses_bad_input_and_stores_nothing(s, fields, field):
    with pytest.raises(ValidationFailed) as error:
        start(s, **fields)
    assert field in error.value.fields
    assert not WorkingGroup.objects.exists() and not Activity.objects.exists()


@pytest.mark.parametrize("state, kind", [("paused", "member"), ("active", "observer"),
                                         ("requested", "member"), ("left", "member")])
def test_only_active_members_start_groups(s, state, kind):
    organisation, person = member_organisation(s.ecosystem, state=state, kind=kind)
    with pytest.raises(NotAllowed):
        services.working_group_start(actor=actor(person, organisation), ecosystem=s.ecosystem,
                                     name="X", purpose="Y")
    with pytest.raises(NotAllowed):
        services.working_group_start(actor=actor(None), ecosystem=s.ecosystem, name="X",
                                     purpose="Y")


def test_members_only_ecosystem_is_not_found_for_outsiders():
    s = make_setting("members")
    outsider_org = OrganisationFactory()
    outsider = person_in(outsider_org)
    with pytest.raises(NotFound):
        services.working_group_start(actor=actor(outsider, outsider_org), ecosystem=s.ecosystem,
                                     name="X", purpose="Y")


def test_acting_for_someone_elses_organisation_is_refused(s):
    with pytest.raises(NotAllowed):
        services.working_group_start(actor=actor(s.people[1], s.orgs[0]), ecosystem=s.ecosystem,
                                     name="X", purpose="Y")


# Editing and archiving --------------------------------------------------------------------


def test_lead_and_facilitator_edit_members_do_not(s):
    group = start(s)
    services.working_group_join(actor=s.actor(1), working_group=group)
    services.working_group_update(actor=s.actor(0), working_group=group, name="Inkoop",
                                  rotation_months=None, join_policy="request")
    group.refresh_from_db()
    assert (group.name, group.slug, group.join_policy) == ("Inkoop", "circulaire-inkoop",
                                                           "request")
    services.working_group_update(actor=s.fac, working_group=group, purpose="Nieuw doel")
    with pytest.raises(NotAllowed):
        services.working_group_update(actor=s.actor(1), working_group=group, purpose="Nee")
    assert verbs()[-2:] == ["collaboration.working_group.updated"] * 2
    payload = Activity.objects.filter(
        verb="collaboration.working_group.updated").order_by("seq").first().payload
    assert payload == {"fields": ["join_policy", "name"]}


def test_an_update_without_changes_records_nothing(s):
    group = start(s)
    services.working_group_update(actor=s.actor(0), working_group=group, name=group.name)
    assert verbs() == ["collaboration.working_group.started"]


def test_update_refuses_an_empty_purpose(s):
    group = start(s)
    with pytest.raises(ValidationFailed) as error:
        services.working_group_update(actor=s.actor(0), working_group=group, purpose=" ")
    assert "purpose" in error.value.fields


def test_archived_group_is_read_only_and_a_facilitator_reopens_it(s):
    group = start(s)
    services.working_group_join(actor=s.actor(1), working_group=group)
    with pytest.raises(NotAllowed):
        services.working_group_archive(actor=s.actor(1), working_group=group, reason="Klaar")
    with pytest.raises(ValidationFailed):
        services.working_group_archive(actor=s.actor(0), working_group=group, reason=" ")
    services.working_group_archive(actor=s.actor(0), working_group=group, reason="Klaar")
    group.refresh_from_db()
    assert group.is_archived and group.archive_reason == "Klaar"
    for call in [
        lambda: services.working_group_update(actor=s.actor(0), working_group=group, name="Z"),
        lambda: services.working_group_join(actor=s.actor(2), working_group=group),
        lambda: posts.post_create(actor=s.actor(0), working_group=group, body="Hallo"),
        lambda: roles.role_step_down(actor=s.actor(0), working_group=group, role="lead"),
        lambda: services.working_group_archive(actor=s.fac, working_group=group, reason="x"),
    ]:
        with pytest.raises(Conflict) as error:
            call()
        assert error.value.code == "archived"
    with pytest.raises(NotAllowed):
        services.working_group_unarchive(actor=s.actor(0), working_group=group)
    services.working_group_unarchive(actor=s.fac, working_group=group)
    group.refresh_from_db()
    assert not group.is_archived and group.archive_reason == ""
    with pytest.raises(Conflict):
        services.working_group_unarchive(actor=s.fac, working_group=group)
    assert verbs()[-2:] == ["collaboration.working_group.archived",
                            "collaboration.working_group.unarchived"]


# Joining and leaving ----------------------------------------------------------------------


def test_open_group_joins_at_once_and_twice_is_refused(s):
    group = start(s)
    member = services.working_group_join(actor=s.actor(1), working_group=group)
    assert member.state == "active" and member.organisation == s.orgs[1]
    with pytest.raises(Conflict):
        services.working_group_join(actor=s.actor(1), working_group=group)
    assert verbs()[-1] == "collaboration.working_group.joined"


def test_only_people_of_active_members_join(s):
    group = start(s)
    organisation, person = member_organisation(s.ecosystem, state=Membership.State.PAUSED)
    with pytest.raises(NotAllowed):
        services.working_group_join(actor=actor(person, organisation), working_group=group)
    outsider_org = OrganisationFactory()
    with pytest.raises(NotAllowed):
        services.working_group_join(actor=actor(person_in(outsider_org), outsider_org),
                                    working_group=group)


def test_request_is_answered_by_lead_or_secretary_and_decline_needs_a_reason(s):
    group = start(s, join_policy="request")
    request = services.working_group_join(actor=s.actor(1), working_group=group)
    assert request.state == "requested"
    assert Notification.objects.filter(recipient=s.people[0],
                                       kind="collaboration.working_groups").count() == 1
    with pytest.raises(NotAllowed):
        services.working_group_answer_request(actor=s.actor(2), member=request, accept=True)
    with pytest.raises(ValidationFailed) as error:
        services.working_group_answer_request(actor=s.actor(0), member=request, accept=False)
    assert "reason" in error.value.fields
    declined = services.working_group_answer_request(actor=s.actor(0), member=request,
                                                     accept=False, reason="Vol")
    assert declined.state == "declined"
    assert Notification.objects.filter(recipient=s.people[1]).count() == 1
    with pytest.raises(Conflict):
        services.working_group_answer_request(actor=s.actor(0), member=declined, accept=True)
    again = services.working_group_join(actor=s.actor(1), working_group=group)
    accepted = services.working_group_answer_request(actor=s.fac, member=again, accept=True)
    assert accepted.state == "active" and accepted.joined_at is not None
    assert verbs()[1:] == ["collaboration.working_group.requested",
                           "collaboration.working_group.declined",
                           "collaboration.working_group.requested",
                           "collaboration.working_group.accepted"]


def test_leaving_ends_the_leads_role_and_keeps_the_history(s):
    group = start(s)
    member = services.working_group_leave(actor=s.actor(0), working_group=group)
    assert member.state == "left" and member.left_at is not None
    role = WorkingGroupRole.objects.get(working_group=group)
    assert role.ended_at is not None and role.end_reason
    assert Activity.objects.order_by("seq").last().payload["roles_ended"] == ["lead"]
    with pytest.raises(Conflict):
        services.working_group_leave(actor=s.actor(0), working_group=group)
    rejoined = services.working_group_join(actor=s.actor(0), working_group=group)
    assert WorkingGroupMember.objects.filter(working_group=group).count() == 2
    assert rejoined.state == "active"


# Roles ------------------------------------------------------------------------------------


def test_holder_hands_over_and_history_is_kept(s):
    group = start(s, rotation_months=12)
    services.working_group_join(actor=s.actor(1), working_group=group)
    new = roles.role_hand_over(actor=s.actor(0), working_group=group, role="lead",
                               to_member=member_of(group, s, 1), reason="Rotatie")
    assert new.person == s.people[1] and new.term_ends_on is not None
    old = WorkingGroupRole.objects.get(working_group=group, person=s.people[0])
    assert old.ended_at is not None and old.end_reason == "Rotatie"
    assert verbs()[-1] == "collaboration.working_group_role.handed_over"
    assert Notification.objects.filter(recipient=s.people[1]).exists()
    with pytest.raises(NotAllowed):
        roles.role_hand_over(actor=s.actor(0), working_group=group, role="lead",
                             to_member=member_of(group, s, 0))


def test_hand_over_refuses_bad_roles_and_non_members(s):
    group = start(s)
    other = start(s, index=1, name="Ander")
    with pytest.raises(ValidationFailed):
        roles.role_hand_over(actor=s.actor(0), working_group=group, role="king",
                             to_member=member_of(group, s, 0))
    with pytest.raises(ValidationFailed):
        roles.role_hand_over(actor=s.actor(0), working_group=group, role="secretary",
                             to_member=member_of(other, s, 1))
    with pytest.raises(Conflict):
        roles.role_hand_over(actor=s.actor(0), working_group=group, role="lead",
                             to_member=member_of(group, s, 0))


def test_a_facilitator_hands_over_any_role_and_a_member_takes_up_a_vacant_one(s):
    group = start(s)
    services.working_group_join(actor=s.actor(1), working_group=group)
    services.working_group_join(actor=s.actor(2), working_group=group)
    with pytest.raises(NotAllowed):  # not vacant, not the holder
        roles.role_hand_over(actor=s.actor(2), working_group=group, role="lead",
                             to_member=member_of(group, s, 2))
    roles.role_hand_over(actor=s.actor(2), working_group=group, role="secretary",
                         to_member=member_of(group, s, 2))
    with pytest.raises(NotAllowed):  # someone else's vacant role is not theirs to hand out
        roles.role_step_down(actor=s.actor(1), working_group=group, role="secretary")
    roles.role_hand_over(actor=s.fac, working_group=group, role="secretary",
                         to_member=member_of(group, s, 1))
    holders = dict(WorkingGroupRole.objects.filter(working_group=group, ended_at__isnull=True)
                   .values_list("name", "person"))
    assert holders == {"lead": s.people[0].pk, "secretary": s.people[1].pk}


def test_step_down_leaves_the_role_vacant(s):
    group = start(s)
    with pytest.raises(Conflict):
        roles.role_step_down(actor=s.actor(0), working_group=group, role="secretary")
    roles.role_step_down(actor=s.actor(0), working_group=group, role="lead", reason="Te druk")
    assert not WorkingGroupRole.objects.filter(ended_at__isnull=True).exists()
    assert WorkingGroupRole.objects.get().end_reason == "Te druk"
    assert verbs()[-1] == "collaboration.working_group_role.stepped_down"


def test_term_reminders_go_once_per_term(s):
    group = start(s, rotation_months=1)
    services.working_group_join(actor=s.actor(1), working_group=group)
    assert roles.remind_term_ends() == 0
    WorkingGroupRole.objects.update(term_ends_on=timezone.localdate() + timedelta(days=10))
    assert roles.remind_term_ends() == 1
    assert roles.remind_term_ends() == 0
    assert verbs()[-1] == "collaboration.working_group_role.term_ending"
    assert set(Notification.objects.filter(kind="collaboration.working_groups")
               .values_list("recipient", flat=True)) == {s.people[0].pk, s.people[1].pk}


def test_the_daily_task_runs_the_reminders(s):
    from zwerm.collaboration.tasks_working_groups import remind_role_terms

    start(s, rotation_months=1)
    WorkingGroupRole.objects.update(term_ends_on=timezone.localdate())
    assert remind_role_terms.call_local() == 1


# Thread -----------------------------------------------------------------------------------


def test_members_post_and_reply_one_level_deep(s):
    group = start(s)
    services.working_group_join(actor=s.actor(1), working_group=group)
    first = posts.post_create(actor=s.actor(1), working_group=group, body="Hallo **allen**")
    reply = posts.post_create(actor=s.actor(0), working_group=group, body="Welkom",
                              reply_to=first)
    deeper = posts.post_create(actor=s.actor(1), working_group=group, body="Dank",
                               reply_to=reply)
    assert reply.reply_to == first and deeper.reply_to == first
    assert first.organisation == s.orgs[1] and first.kind == "message"
    with pytest.raises(NotAllowed):
        posts.post_create(actor=s.actor(2), working_group=group, body="Ik ook")
    with pytest.raises(ValidationFailed):
        posts.post_create(actor=s.actor(1), working_group=group, body="   ")
    with pytest.raises(ValidationFailed):
        posts.post_create(actor=s.actor(1), working_group=group, body="x" * 10001)
    other = start(s, index=1, name="Ander")
    with pytest.raises(ValidationFailed):
        posts.post_create(actor=s.actor(1), working_group=other, body="Hoi", reply_to=first)


def test_announcements_are_for_role_holders_and_notify_members(s):
    group = start(s)
    services.working_group_join(actor=s.actor(1), working_group=group)
    services.working_group_join(actor=s.actor(2), working_group=group)
    services.working_group_leave(actor=s.actor(2), working_group=group)
    with pytest.raises(NotAllowed):
        posts.post_create(actor=s.actor(1), working_group=group, body="Let op",
                          announcement=True)
    post = posts.post_create(actor=s.actor(0), working_group=group, body="Let op",
                             announcement=True)
    assert post.kind == "announcement"
    assert verbs()[-1] == "collaboration.working_group_post.announced"
    notified = set(Notification.objects.filter(activity__verb__endswith="announced")
                   .values_list("recipient", flat=True))
    assert notified == {s.people[1].pk}


def test_authors_and_facilitators_delete_posts_and_replies_stay(s):
    group = start(s)
    services.working_group_join(actor=s.actor(1), working_group=group)
    post = posts.post_create(actor=s.actor(1), working_group=group, body="Oeps")
    reply = posts.post_create(actor=s.actor(0), working_group=group, body="?", reply_to=post)
    with pytest.raises(NotAllowed):
        posts.post_delete(actor=s.actor(0), post=post)
    posts.post_delete(actor=s.actor(1), post=post)
    post.refresh_from_db()
    assert post.deleted_at is not None and post.body == ""
    assert WorkingGroupPost.objects.filter(pk=reply.pk).exists()
    with pytest.raises(Conflict):
        posts.post_delete(actor=s.actor(1), post=post)
    with pytest.raises(Conflict):
        posts.post_create(actor=s.actor(0), working_group=group, body="x", reply_to=post)
    posts.post_delete(actor=s.fac, post=reply)
    assert verbs()[-1] == "collaboration.working_group_post.deleted"


# Erasure ----------------------------------------------------------------------------------


def test_release_before_erasure_ends_memberships_and_roles(s):
    group = start(s)
    start(s, name="Tweede")
    assert services.working_groups_release_person(person=s.people[0]) == 2
    assert not WorkingGroupRole.objects.filter(ended_at__isnull=True).exists()
    assert not WorkingGroupMember.objects.filter(state="active").exists()
    activity = Activity.objects.filter(verb="collaboration.working_group.left").first()
    assert activity.is_system and activity.payload["erased"] is True
    assert group.members.get().state == "left"


def test_requests_to_a_group_without_roles_go_to_the_facilitators(s):
    group = start(s, join_policy="request")
    roles.role_step_down(actor=s.actor(0), working_group=group, role="lead")
    services.working_group_join(actor=s.actor(1), working_group=group)
    notified = set(Notification.objects.filter(activity__verb__endswith="requested")
                   .values_list("recipient", flat=True))
    assert notified == {s.facilitator.pk}


def test_joining_and_handing_over_name_the_organisation_that_acted():
    """``record`` defaults ``organisation`` to the actor's: joining is recorded for the
    joining organisation, a hand-over for the organisation of whoever handed over (the
    holder, or a facilitator)."""
    s = make_setting()
    group = start(s, 0)
    services.working_group_join(actor=s.actor(1), working_group=group)
    joined = Activity.objects.get(verb="collaboration.working_group.joined")
    assert joined.organisation_uuid == s.orgs[1].uuid
    member = WorkingGroupMember.objects.get(working_group=group, person=s.people[1])
    roles.role_hand_over(actor=s.actor(0), working_group=group, role="lead", to_member=member)
    handed = Activity.objects.get(verb="collaboration.working_group_role.handed_over")
    assert handed.organisation_uuid == s.orgs[0].uuid
