"""What ecosystems plug into other apps: leaving an organisation, merging, privacy."""

import pytest

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.privacy import erasure_blockers, export_sections
from zwerm.ecosystems.models import Membership, Role
from zwerm.ecosystems.tests.factories import actor, admin_of, member_organisation, started_ecosystem
from zwerm.organisations.services.merge import organisation_merge
from zwerm.organisations.services.people import member_leave
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def test_leaving_person_hands_ecosystem_roles_to_the_successor():
    ecosystem, facilitator, home = started_ecosystem()
    successor = admin_of(home)
    member_leave(actor=actor(facilitator, home), organisation=home, person=facilitator,
                 successor=successor)
    current = {(r.name, r.person_id) for r in Role.objects.filter(ended_at__isnull=True)}
    assert current == {("facilitator", successor.pk), ("delegate", successor.pk)}
    assert Role.objects.filter(person=facilitator, ended_at__isnull=False).count() == 2


def test_merge_moves_memberships_and_roles_to_the_target():
    ecosystem, facilitator, source = started_ecosystem()
    target = OrganisationFactory()
    admin_of(target)
    operator = UserFactory(is_staff=True)
    organisation_merge(actor=actor(operator), source=source, target=target)
    membership = Membership.objects.get(ecosystem=ecosystem)
    assert membership.organisation == target and membership.state == "active"
    assert set(Role.objects.filter(ended_at__isnull=True).values_list("organisation", flat=True)) \
        == {target.pk}


def test_merge_where_both_were_members_ends_the_source_membership():
    ecosystem, facilitator, home = started_ecosystem()
    source, _source_admin = member_organisation(ecosystem)
    organisation_merge(actor=actor(UserFactory(is_staff=True)), source=source, target=home)
    assert Membership.objects.get(organisation=source).state == "left"
    assert Membership.objects.get(organisation=home).state == "active"


def test_export_and_the_last_facilitator_erasure_check():
    ecosystem, facilitator, home = started_ecosystem(name="Deur tot deur")
    exported = export_sections(facilitator)["ecosystems"]
    assert {row["role"] for row in exported["roles"]} == {"facilitator", "delegate"}
    assert exported["membership_events"][0]["to"] == "active"
    blockers = erasure_blockers(facilitator)
    assert any("Deur tot deur" in message for message in blockers)
    colleague = person_in(home)
    Role.objects.create(ecosystem=ecosystem, organisation=home, person=colleague,
                        name="facilitator")
    assert not any("Deur tot deur" in message for message in erasure_blockers(facilitator))
