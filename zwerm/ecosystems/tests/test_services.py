"""Services of ecosystems: creating, editing, the charter, memberships and invitations."""

import hashlib

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import translation

from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity, Notification
from zwerm.ecosystems import services
from zwerm.ecosystems.charter import DEFAULTS
from zwerm.ecosystems.models import Ecosystem, EcosystemInvitation, Membership, Role
from zwerm.ecosystems.tests.factories import (
    InvitationFactory,
    actor,
    admin_of,
    member_organisation,
    started_ecosystem,
)
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def verbs():
    return list(Activity.objects.order_by("seq").values_list("verb", flat=True))


# Creating and editing ---------------------------------------------------------------------


def test_create_makes_the_creator_facilitator_and_their_organisation_a_member():
    ecosystem, facilitator, organisation = started_ecosystem(themes=["Circulair bouwen", "Hout"])
    membership = Membership.objects.get(ecosystem=ecosystem)
    assert membership.organisation == organisation
    assert membership.state == Membership.State.ACTIVE
    roles = {(r.name, r.person_id) for r in ecosystem.roles.filter(ended_at__isnull=True)}
    assert roles == {("facilitator", facilitator.pk), ("delegate", facilitator.pk)}
    assert sorted(t.name for t in ecosystem.themes.all()) == ["Circulair bouwen", "Hout"]
    assert ecosystem.slug == "circulair-bouwen"
    assert verbs() == [
        "ecosystems.ecosystem.created",
        "ecosystems.membership.joined",
        "ecosystems.role.facilitator_appointed",
        "ecosystems.role.delegate_appointed",
    ]
    assert membership.events.get().to_state == "active"


def test_charter_defaults_are_taken_in_the_creators_language():
    organisation = OrganisationFactory()
    english = admin_of(organisation, language="en")
    ecosystem = services.ecosystem_create(
        actor=actor(english, organisation), name="Open APIs", goal="Shared APIs."
    )
    with translation.override("en"):
        assert ecosystem.charter_reciprocity == str(DEFAULTS["reciprocity"])
    dutch_ecosystem, *_ = started_ecosystem(name="Deur tot deur")
    with translation.override("nl"):
        assert dutch_ecosystem.charter_reciprocity == str(DEFAULTS["reciprocity"])
    assert dutch_ecosystem.charter_reciprocity != ecosystem.charter_reciprocity


def test_slugs_are_unique_and_reserved_words_are_avoided():
    first, *_ = started_ecosystem(name="Mobiliteit")
    second, *_ = started_ecosystem(name="Mobiliteit")
    assert (first.slug, second.slug) == ("mobiliteit", "mobiliteit-2")
    with pytest.raises(Conflict) as error:
        started_ecosystem(name="Iets", slug="new")
    assert error.value.fields == {"slug": [str(error.value.message)]}


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "  "}, "name"),
        ({"goal": ""}, "goal"),
        ({"name": "x" * 201}, "name"),
        ({"visibility": "secret"}, "visibility"),
        ({"join_policy": "lottery"}, "join_policy"),
        ({"slug": "Not A Slug"}, "slug"),
        ({"themes": ["x" * 81]}, "themes"),
        ({"themes": [f"thema {n}" for n in range(21)]}, "themes"),
    ],
)
def test_create_refuses_bad_input(fields, field):
    with pytest.raises(ValidationFailed) as error:
        started_ecosystem(**fields)
    assert field in error.value.fields
    assert not Ecosystem.objects.exists()


def test_create_needs_an_organisation():
    person = person_in(OrganisationFactory())
    with pytest.raises(NotAllowed):
        services.ecosystem_create(actor=actor(person, None), name="X", goal="Y")


@override_settings(ZWERM_ECOSYSTEM_CREATORS="operators")
def test_operators_only_setting_restricts_creation():
    organisation = OrganisationFactory()
    with pytest.raises(NotAllowed):
        services.ecosystem_create(actor=actor(admin_of(organisation), organisation),
                                  name="X", goal="Y")
    operator = admin_of(organisation, is_staff=True)
    ecosystem = services.ecosystem_create(actor=actor(operator, organisation), name="X", goal="Y")
    assert ecosystem.pk


def test_update_records_which_fields_changed_and_only_facilitators_may():
    ecosystem, facilitator, organisation = started_ecosystem()
    services.ecosystem_update(actor=actor(facilitator, organisation), ecosystem=ecosystem,
                              name="Circulaire bouw", visibility="members", themes=["Hout"])
    ecosystem.refresh_from_db()
    assert ecosystem.name == "Circulaire bouw" and not ecosystem.is_public
    activity = Activity.objects.filter(verb="ecosystems.ecosystem.updated").get()
    assert activity.payload == {"changed": ["name", "visibility", "themes"],
                                "visibility": "members"}
    other, other_admin = member_organisation(ecosystem)
    with pytest.raises(NotAllowed):
        services.ecosystem_update(actor=actor(other_admin, other), ecosystem=ecosystem, name="Z")


def test_update_without_changes_records_nothing():
    ecosystem, facilitator, organisation = started_ecosystem()
    before = Activity.objects.count()
    services.ecosystem_update(actor=actor(facilitator, organisation), ecosystem=ecosystem,
                              name=ecosystem.name)
    assert Activity.objects.count() == before


def test_charter_update_records_principles_and_digests_not_text():
    ecosystem, facilitator, organisation = started_ecosystem()
    text = "We geven en nemen, en houden dat bij."
    changed = services.charter_update(
        actor=actor(facilitator, organisation), ecosystem=ecosystem,
        texts={"reciprocity": text, "elasticity": ecosystem.charter_elasticity},
    )
    assert changed == ["reciprocity"]
    activity = Activity.objects.get(verb="ecosystems.charter.updated")
    assert activity.payload == {
        "principles": ["reciprocity"],
        "sha256": {"reciprocity": hashlib.sha256(text.encode()).hexdigest()},
    }
    assert text not in str(activity.payload)


@pytest.mark.parametrize(("texts", "field"), [({"reciprocity": " "}, "reciprocity"),
                                              ({"honesty": "Ja"}, "honesty"),
                                              ({"elasticity": "x" * 5001}, "elasticity")])
def test_charter_update_refuses_bad_input(texts, field):
    ecosystem, facilitator, organisation = started_ecosystem()
    with pytest.raises(ValidationFailed) as error:
        services.charter_update(actor=actor(facilitator, organisation), ecosystem=ecosystem,
                                texts=texts)
    assert field in error.value.fields


# Memberships ------------------------------------------------------------------------------


def test_open_ecosystem_join_makes_an_admin_the_delegate():
    ecosystem, *_ = started_ecosystem(join_policy="open")
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    membership = services.membership_join(actor=actor(admin, organisation), ecosystem=ecosystem)
    assert membership.state == "active"
    assert Role.objects.get(ecosystem=ecosystem, organisation=organisation,
                            name="delegate").person == admin


def test_join_refused_on_request_ecosystems_and_for_non_admins():
    ecosystem, *_ = started_ecosystem()
    organisation = OrganisationFactory()
    with pytest.raises(NotAllowed) as error:
        services.membership_join(actor=actor(admin_of(organisation), organisation),
                                 ecosystem=ecosystem)
    assert error.value.code == "request_required"
    plain = person_in(organisation)
    with pytest.raises(NotAllowed):
        services.membership_request(actor=actor(plain, organisation), ecosystem=ecosystem)


def test_request_accept_flow_notifies_and_keeps_history(django_capture_on_commit_callbacks):
    ecosystem, facilitator, home = started_ecosystem()
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.membership_request(
            actor=actor(admin, organisation), ecosystem=ecosystem, reason="Wij bouwen met hout."
        )
    assert membership.state == "requested"
    assert Notification.objects.filter(recipient=facilitator, kind="ecosystems.requests").exists()
    assert [m.to for m in mail.outbox] == [[facilitator.email]]
    with pytest.raises(NotAllowed):
        services.membership_accept(actor=actor(admin, organisation), membership=membership)
    services.membership_accept(actor=actor(facilitator, home), membership=membership)
    membership.refresh_from_db()
    assert membership.state == "active"
    assert Notification.objects.filter(recipient=admin, kind="ecosystems.membership").exists()
    events = list(membership.events.values_list("from_state", "to_state", "reason"))
    assert events == [("", "requested", "Wij bouwen met hout."), ("requested", "active", "")]
    with pytest.raises(Conflict):
        services.membership_accept(actor=actor(facilitator, home), membership=membership)


def test_decline_needs_a_reason_and_allows_a_new_request():
    ecosystem, facilitator, home = started_ecosystem()
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    membership = services.membership_request(actor=actor(admin, organisation),
                                             ecosystem=ecosystem)
    with pytest.raises(ValidationFailed) as error:
        services.membership_decline(actor=actor(facilitator, home), membership=membership,
                                    reason=" ")
    assert "reason" in error.value.fields
    services.membership_decline(actor=actor(facilitator, home), membership=membership,
                                reason="Nog niet passend.")
    membership.refresh_from_db()
    assert membership.state == "declined"
    again = services.membership_request(actor=actor(admin, organisation), ecosystem=ecosystem)
    assert again.pk == membership.pk and again.state == "requested"


def test_pause_resume_leave_and_rejoin():
    ecosystem, facilitator, home = started_ecosystem(join_policy="open")
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    me = actor(admin, organisation)
    membership = services.membership_join(actor=me, ecosystem=ecosystem)
    services.membership_pause(actor=me, membership=membership, reason="Reorganisatie")
    with pytest.raises(Conflict):
        services.membership_pause(actor=me, membership=membership)
    services.membership_resume(actor=me, membership=membership)
    with pytest.raises(ValidationFailed):
        services.membership_leave(actor=me, membership=membership, reason="")
    services.membership_leave(actor=me, membership=membership, reason="Project afgerond")
    membership.refresh_from_db()
    assert membership.state == "left"
    assert not Role.objects.filter(organisation=organisation, ended_at__isnull=True).exists()
    services.membership_join(actor=me, ecosystem=ecosystem)
    membership.refresh_from_db()
    assert membership.state == "active"
    assert [e.to_state for e in membership.events.all()] == [
        "active", "paused", "active", "left", "active"
    ]
    assert "ecosystems.membership.resumed" in verbs()


def test_a_plain_member_of_the_organisation_may_not_pause_but_the_delegate_may():
    ecosystem, *_ = started_ecosystem()
    organisation, admin = member_organisation(ecosystem)
    plain = person_in(organisation)
    membership = Membership.objects.get(organisation=organisation)
    with pytest.raises(NotAllowed):
        services.membership_pause(actor=actor(plain, organisation), membership=membership)
    Role.objects.create(ecosystem=ecosystem, organisation=organisation, person=plain,
                        name="delegate")
    services.membership_pause(actor=actor(plain, organisation), membership=membership)


def test_the_last_facilitators_organisation_cannot_leave_before_handing_over():
    ecosystem, facilitator, home = started_ecosystem()
    membership = Membership.objects.get(organisation=home)
    with pytest.raises(Conflict) as error:
        services.membership_leave(actor=actor(facilitator, home), membership=membership,
                                  reason="Weg")
    assert error.value.code == "last_facilitator"
    membership.refresh_from_db()
    assert membership.state == "active"
    other, other_admin = member_organisation(ecosystem)
    services.facilitator_appoint(actor=actor(facilitator, home), ecosystem=ecosystem,
                                 person=other_admin, organisation=other)
    services.membership_leave(actor=actor(facilitator, home), membership=membership,
                              reason="Overgedragen")
    assert list(Role.objects.filter(ecosystem=ecosystem, name="facilitator",
                                    ended_at__isnull=True).values_list("person", flat=True)) == [
        other_admin.pk
    ]


def test_members_only_ecosystem_is_not_found_for_outsiders_who_try_to_request():
    ecosystem, *_ = started_ecosystem(visibility="members")
    organisation = OrganisationFactory()
    with pytest.raises(NotFound):
        services.membership_request(actor=actor(admin_of(organisation), organisation),
                                    ecosystem=ecosystem)


# Invitations ------------------------------------------------------------------------------


def test_invitation_by_email_is_sent_in_the_inviters_language(django_capture_on_commit_callbacks):
    ecosystem, facilitator, home = started_ecosystem()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            actor=actor(facilitator, home), ecosystem=ecosystem, email="Anne@Example.org",
            message="Doe mee!",
        )
    assert invitation.email == "anne@example.org" and invitation.language == "en"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anne@example.org"]
    assert "You are invited" in message.subject
    assert f"/ecosystems/invitations/{invitation.uuid}/" in message.body
    activity = Activity.objects.get(verb="ecosystems.invitation.sent")
    assert "anne" not in activity.subject_label.lower()
    assert "anne" not in str(activity.payload).lower()


def test_inviting_a_named_organisation_records_one_activity():
    ecosystem, facilitator, home = started_ecosystem()
    organisation = OrganisationFactory()
    before = Activity.objects.count()
    services.invitation_create(actor=actor(facilitator, home), ecosystem=ecosystem,
                               email=admin_of(organisation).email, organisation=organisation)
    assert verbs()[before:] == ["ecosystems.membership.invited"]


def test_invitation_rules():
    ecosystem, facilitator, home = started_ecosystem()
    me = actor(facilitator, home)
    with pytest.raises(ValidationFailed):
        services.invitation_create(actor=me, ecosystem=ecosystem, email="not-an-address")
    services.invitation_create(actor=me, ecosystem=ecosystem, email="a@example.org")
    with pytest.raises(Conflict):
        services.invitation_create(actor=me, ecosystem=ecosystem, email="a@example.org")
    with pytest.raises(Conflict):
        services.invitation_create(actor=me, ecosystem=ecosystem, email="b@example.org",
                                   organisation=home)
    outsider_org = OrganisationFactory()
    with pytest.raises(NotAllowed):
        services.invitation_create(actor=actor(admin_of(outsider_org), outsider_org),
                                   ecosystem=ecosystem, email="c@example.org")


def test_invited_person_accepts_for_the_organisation_they_choose():
    ecosystem, facilitator, home = started_ecosystem()
    invitation = services.invitation_create(actor=actor(facilitator, home), ecosystem=ecosystem,
                                            email="new@example.org", kind="observer")
    organisation = OrganisationFactory()
    admin = admin_of(organisation, email="new@example.org")
    membership = services.invitation_accept(actor=actor(admin, None), invitation=invitation,
                                            organisation=organisation)
    assert (membership.state, membership.kind) == ("active", "observer")
    invitation.refresh_from_db()
    assert invitation.outcome == "accepted" and invitation.organisation == organisation
    # An observer has no delegate.
    assert not Role.objects.filter(organisation=organisation).exists()
    with pytest.raises(Conflict):
        services.invitation_accept(actor=actor(admin, organisation), invitation=invitation)


def test_named_organisation_invitation_lists_it_as_invited_and_can_be_declined():
    ecosystem, facilitator, home = started_ecosystem()
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    invitation = services.invitation_create(actor=actor(facilitator, home), ecosystem=ecosystem,
                                            email=admin.email, organisation=organisation)
    membership = Membership.objects.get(organisation=organisation)
    assert membership.state == "invited"
    other = OrganisationFactory()
    with pytest.raises(ValidationFailed):
        services.invitation_accept(actor=actor(admin_of(other), other), invitation=invitation,
                                   organisation=other)
    services.invitation_decline(actor=actor(admin, organisation), invitation=invitation,
                                reason="Geen tijd")
    membership.refresh_from_db()
    assert membership.state == "declined"
    assert membership.events.last().reason == "Geen tijd"


def test_expired_and_withdrawn_invitations_cannot_be_accepted():
    ecosystem, facilitator, home = started_ecosystem()
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    expired = InvitationFactory(ecosystem=ecosystem, expires_at="2020-01-01T00:00:00Z")
    with pytest.raises(Conflict) as error:
        services.invitation_accept(actor=actor(admin, organisation), invitation=expired)
    assert error.value.code == "invitation_expired"
    invitation = services.invitation_create(actor=actor(facilitator, home), ecosystem=ecosystem,
                                            email="x@example.org", organisation=organisation)
    services.invitation_revoke(actor=actor(facilitator, home), invitation=invitation)
    assert Membership.objects.get(organisation=organisation).state == "declined"
    with pytest.raises(Conflict):
        services.invitation_accept(actor=actor(admin, organisation), invitation=invitation)
    assert EcosystemInvitation.objects.get(pk=invitation.pk).outcome == "revoked"


def test_accepting_needs_an_admin_of_the_organisation():
    ecosystem, facilitator, home = started_ecosystem()
    invitation = services.invitation_create(actor=actor(facilitator, home), ecosystem=ecosystem,
                                            email="y@example.org")
    organisation = OrganisationFactory()
    plain = person_in(organisation)
    with pytest.raises(NotAllowed):
        services.invitation_accept(actor=actor(plain, organisation), invitation=invitation)
    with pytest.raises(ValidationFailed):
        services.invitation_accept(actor=actor(plain, None), invitation=invitation)
