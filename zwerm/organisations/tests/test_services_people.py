from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity, Notification
from zwerm.organisations import hooks, services
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import (
    InvitationFactory,
    OrganisationFactory,
    admin_of,
    person_in,
)

pytestmark = pytest.mark.django_db


def current_role(organisation, person):
    return (
        OrganisationMember.objects.filter(
            organisation=organisation, person=person, left_at__isnull=True
        )
        .values_list("role", flat=True)
        .first()
    )


def test_invitation_is_emailed_in_the_inviters_language(django_capture_on_commit_callbacks):
    organisation = OrganisationFactory(name="Waterschap Rivierenland")
    admin = admin_of(organisation, name="Anna de Vries")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            actor=Actor(person=admin, organisation=organisation), organisation=organisation,
            email=" Colleague@Example.org ", role="admin",
        )
    assert invitation.email == "colleague@example.org"
    assert invitation.expires_at > timezone.now() + timedelta(days=13)
    [message] = mail.outbox
    assert message.to == ["colleague@example.org"]
    assert "You are invited to join Waterschap Rivierenland" in message.subject
    assert "Anna de Vries invites you" in message.body
    assert f"/organisations/invitations/{invitation.uuid}/" in message.body
    activity = Activity.objects.get(verb="organisations.invitation.created")
    assert "colleague" not in str(activity.payload) and "colleague" not in activity.subject_label


def test_invitation_in_dutch(django_capture_on_commit_callbacks):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    with translation.override("nl"), django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(
            actor=Actor(person=admin), organisation=organisation, email="a@example.org"
        )
    assert "uitgenodigd" in mail.outbox[0].subject


@pytest.mark.parametrize(
    ("email", "role", "error", "field"),
    [("not-an-email", "member", ValidationFailed, "email"),
     ("x@example.org", "owner", ValidationFailed, "role"),
     ("member@example.org", "member", Conflict, "email"),
     ("open@example.org", "member", Conflict, "email")],
)
def test_bad_invitations_are_refused(email, role, error, field):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    person_in(organisation, email="member@example.org")
    InvitationFactory(organisation=organisation, email="open@example.org")
    with pytest.raises(error) as raised:
        services.invitation_create(
            actor=Actor(person=admin), organisation=organisation, email=email, role=role
        )
    assert field in raised.value.fields


def test_only_admins_invite_and_revoke():
    organisation = OrganisationFactory()
    invitation = InvitationFactory(organisation=organisation)
    for person in (UserFactory(), person_in(organisation)):
        with pytest.raises(NotAllowed):
            services.invitation_create(
                actor=Actor(person=person), organisation=organisation, email="a@example.org"
            )
        with pytest.raises(NotAllowed):
            services.invitation_revoke(actor=Actor(person=person), invitation=invitation)


def test_accepting_creates_the_membership_and_notifies_the_admins():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    invitation = InvitationFactory(organisation=organisation, role="admin", invited_by=admin)
    newcomer = UserFactory()
    member = services.invitation_accept(actor=Actor(person=newcomer), invitation=invitation)
    assert member.role == "admin" and member.organisation == organisation
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    newcomer.refresh_from_db()
    assert newcomer.acting_organisation_uuid == organisation.uuid
    assert Notification.objects.filter(
        recipient=admin, kind="organisations.invitation_accepted"
    ).exists()
    activity = Activity.objects.get(verb="organisations.invitation.accepted")
    assert activity.actor == newcomer and activity.organisation_uuid == organisation.uuid
    with pytest.raises(Conflict):
        services.invitation_accept(actor=Actor(person=UserFactory()), invitation=invitation)


def test_accepting_keeps_the_current_acting_organisation():
    mine = OrganisationFactory()
    person = person_in(mine)
    person.acting_organisation_uuid = mine.uuid
    person.save()
    invitation = InvitationFactory()
    services.invitation_accept(actor=Actor(person=person), invitation=invitation)
    person.refresh_from_db()
    assert person.acting_organisation_uuid == mine.uuid


@pytest.mark.parametrize("state", ["revoked", "expired", "member", "anonymous"])
def test_unusable_invitations_are_refused(state):
    organisation = OrganisationFactory()
    person = UserFactory()
    invitation = InvitationFactory(organisation=organisation)
    if state == "revoked":
        services.invitation_revoke(actor=Actor(person=admin_of(organisation)),
                                   invitation=invitation)
    elif state == "expired":
        invitation.expires_at = timezone.now() - timedelta(minutes=1)
        invitation.save()
    elif state == "member":
        person = person_in(organisation)
    else:
        person = None
    with pytest.raises((Conflict, NotAllowed)):
        services.invitation_accept(actor=Actor(person=person), invitation=invitation)
    assert not OrganisationMember.objects.filter(organisation=organisation, role="member")\
        .exclude(person=person).exists()


def test_revoking_an_accepted_invitation_is_refused():
    organisation = OrganisationFactory()
    invitation = InvitationFactory(organisation=organisation, accepted_at=timezone.now())
    with pytest.raises(Conflict):
        services.invitation_revoke(actor=Actor(person=admin_of(organisation)),
                                   invitation=invitation)


def test_roles_change_and_one_admin_always_remains():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    colleague = person_in(organisation)
    actor = Actor(person=admin, organisation=organisation)
    with pytest.raises(Conflict):
        services.member_role_set(actor=actor, organisation=organisation, person=admin,
                                 role="member")
    services.member_role_set(actor=actor, organisation=organisation, person=colleague,
                             role="admin")
    assert current_role(organisation, colleague) == "admin"
    assert Notification.objects.filter(
        recipient=colleague, kind="organisations.role_changed"
    ).exists()
    services.member_role_set(actor=actor, organisation=organisation, person=admin, role="member")
    assert current_role(organisation, admin) == "member"
    activity = Activity.objects.filter(verb="organisations.member.role_changed").first()
    assert activity.payload == {"person": str(admin.uuid), "from": "admin", "to": "member"}


def test_role_change_refuses_outsiders_strangers_and_bad_roles():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    member = person_in(organisation)
    with pytest.raises(NotAllowed):
        services.member_role_set(actor=Actor(person=member), organisation=organisation,
                                 person=member, role="admin")
    with pytest.raises(NotFound):
        services.member_role_set(actor=Actor(person=admin), organisation=organisation,
                                 person=UserFactory(), role="admin")
    with pytest.raises(ValidationFailed):
        services.member_role_set(actor=Actor(person=admin), organisation=organisation,
                                 person=member, role="king")


def test_last_admin_must_name_a_successor_who_becomes_admin():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    colleague = person_in(organisation)
    admin.acting_organisation_uuid = organisation.uuid
    admin.save()
    with pytest.raises(ValidationFailed) as error:
        services.member_leave(actor=Actor(person=admin), organisation=organisation)
    assert "successor" in error.value.fields
    with pytest.raises(ValidationFailed):
        services.member_leave(actor=Actor(person=admin), organisation=organisation,
                              successor=UserFactory())
    services.member_leave(actor=Actor(person=admin), organisation=organisation,
                          successor=colleague)
    assert current_role(organisation, admin) is None
    assert current_role(organisation, colleague) == "admin"
    admin.refresh_from_db()
    assert admin.acting_organisation_uuid is None
    activity = Activity.objects.get(verb="organisations.member.left")
    assert activity.payload["successor"] == str(colleague.uuid)


def test_a_member_leaves_without_successor_and_the_sole_person_may_leave():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    member = person_in(organisation)
    services.member_leave(actor=Actor(person=member), organisation=organisation)
    assert current_role(organisation, member) is None
    services.member_leave(actor=Actor(person=admin), organisation=organisation)
    assert not OrganisationMember.objects.filter(left_at__isnull=True).exists()


def test_roles_held_elsewhere_need_a_successor_and_hooks_run_in_the_transaction():
    organisation = OrganisationFactory()
    admin_of(organisation)
    member = person_in(organisation)
    colleague = person_in(organisation)
    calls = []

    def provider(*, organisation, person):
        return ["Facilitator of Circulair"] if person == member else []

    def handler(*, actor, organisation, person, successor):
        calls.append((organisation, person, successor))

    hooks.register_held_roles(provider)
    hooks.register_member_leave(handler)
    try:
        with pytest.raises(ValidationFailed):
            services.member_leave(actor=Actor(person=member), organisation=organisation)
        services.member_leave(actor=Actor(person=member), organisation=organisation,
                              successor=colleague)
    finally:
        hooks.unregister(provider)
        hooks.unregister(handler)
    assert calls == [(organisation, member, colleague)]
    assert current_role(organisation, colleague) == "member"


def test_a_failing_leave_handler_undoes_the_leave():
    organisation = OrganisationFactory()
    member = person_in(organisation)

    def handler(**kwargs):
        raise Conflict("No.")

    hooks.register_member_leave(handler)
    try:
        with pytest.raises(Conflict):
            services.member_leave(actor=Actor(person=member), organisation=organisation)
    finally:
        hooks.unregister(handler)
    assert current_role(organisation, member) == "member"


def test_admins_remove_people_but_members_cannot():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    member = person_in(organisation)
    other = person_in(organisation)
    with pytest.raises(NotAllowed):
        services.member_leave(actor=Actor(person=member), organisation=organisation,
                              person=other)
    services.member_leave(actor=Actor(person=admin), organisation=organisation, person=other)
    assert current_role(organisation, other) is None
    assert Activity.objects.filter(verb="organisations.member.removed").exists()


def test_acting_for_is_a_preference_for_own_organisations_only():
    first, second, foreign = OrganisationFactory.create_batch(3)
    person = person_in(first)
    OrganisationMember.objects.create(organisation=second, person=person)
    services.acting_organisation_set(actor=Actor(person=person), organisation=second)
    person.refresh_from_db()
    assert person.acting_organisation_uuid == second.uuid
    assert not Activity.objects.exists()
    with pytest.raises(NotAllowed):
        services.acting_organisation_set(actor=Actor(person=person), organisation=foreign)
    person.refresh_from_db()
    assert person.acting_organisation_uuid == second.uuid
