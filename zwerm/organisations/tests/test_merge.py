import pytest

from zwerm.accounts.services import token_create
from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.models import Activity
from zwerm.core.selectors import activity_list
from zwerm.organisations import hooks, selectors, services
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import (
    InvitationFactory,
    OrganisationFactory,
    ProfileEntryFactory,
    ThemeFactory,
    admin_of,
    person_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator():
    return Actor(person=UserFactory(is_staff=True))


def test_merge_moves_people_entries_invitations_themes_and_history(operator):
    target = OrganisationFactory(name="Gemeente Utrecht", slug="gemeente-utrecht")
    source = OrganisationFactory(
        name="Gem. Utrecht", slug="gem-utrecht", kvk_number="12345678", website="https://x.nl"
    )
    both = admin_of(source)
    OrganisationMember.objects.create(organisation=target, person=both, role="member")
    only_source = person_in(source)
    ProfileEntryFactory(organisation=target, title="Bestaand")
    ProfileEntryFactory(organisation=source, title="Verhuisd")
    invitation = InvitationFactory(organisation=source)
    source.themes.add(ThemeFactory(name="Energie", slug="energie"))
    services.organisation_update(
        actor=Actor(person=both), organisation=source, description="Oude tekst"
    )
    _token, _raw = token_create(actor=Actor(person=only_source, organisation=source), name="t")
    only_source.acting_organisation_uuid = source.uuid
    only_source.save()

    services.organisation_merge(actor=operator, source=source, target=target)

    source.refresh_from_db()
    target.refresh_from_db()
    assert source.merged_into == target and source.kvk_number == ""
    assert target.kvk_number == "12345678" and target.website == "https://x.nl"
    assert target.description == "Oude tekst"
    roles = dict(
        target.memberships.filter(left_at__isnull=True).values_list("person_id", "role")
    )
    assert roles == {both.pk: "admin", only_source.pk: "member"}
    assert list(target.entries.values_list("title", flat=True)) == ["Bestaand", "Verhuisd"]
    invitation.refresh_from_db()
    assert invitation.organisation == target
    assert list(target.themes.values_list("slug", flat=True)) == ["energie"]
    only_source.refresh_from_db()
    assert only_source.acting_organisation_uuid == target.uuid
    assert only_source.tokens.get().organisation_uuid == target.uuid
    assert not selectors.organisation_list(viewer=None).filter(pk=source.pk).exists()
    history = selectors.organisation_activity(viewer=None, organisation=target)
    verbs = set(history.values_list("verb", flat=True))
    assert {"organisations.organisation.updated", "organisations.organisation.merged"} <= verbs
    assert history.count() > activity_list(viewer=None, organisation_uuid=target.uuid).count()


def test_merge_hooks_run_and_a_failure_rolls_everything_back(operator):
    source, target = OrganisationFactory.create_batch(2)
    person_in(source)
    seen = []

    def handler(*, actor, source, target):
        seen.append((source.pk, target.pk))
        raise Conflict("Stop.")

    hooks.register_merge(handler)
    try:
        with pytest.raises(Conflict):
            services.organisation_merge(actor=operator, source=source, target=target)
    finally:
        hooks.unregister(handler)
    assert seen == [(source.pk, target.pk)]
    source.refresh_from_db()
    assert source.merged_into is None and source.memberships.count() == 1
    assert not Activity.objects.filter(verb="organisations.organisation.merged").exists()


def test_only_operators_merge_and_bad_targets_are_refused(operator):
    source, target = OrganisationFactory.create_batch(2)
    with pytest.raises(NotAllowed):
        services.organisation_merge(
            actor=Actor(person=admin_of(source)), source=source, target=target
        )
    with pytest.raises(ValidationFailed):
        services.organisation_merge(actor=operator, source=source, target=source)
    gone = OrganisationFactory(merged_into=target)
    with pytest.raises(ValidationFailed):
        services.organisation_merge(actor=operator, source=source, target=gone)
    services.organisation_merge(actor=operator, source=source, target=target)
    with pytest.raises(Conflict):
        services.organisation_merge(actor=operator, source=source, target=target)


def test_earlier_merges_follow_to_the_new_target(operator):
    first, middle, last = OrganisationFactory.create_batch(3)
    services.organisation_merge(actor=operator, source=first, target=middle)
    services.organisation_merge(actor=operator, source=middle, target=last)
    first.refresh_from_db()
    assert first.merged_into == last
    assert set(last.merged_from.values_list("pk", flat=True)) == {first.pk, middle.pk}
