"""Who sees what, per role, for public and members-only ecosystems."""

import pytest

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.actor import Actor
from zwerm.ecosystems.models import Ecosystem, Role
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory, RoleFactory
from zwerm.matchmaking import permissions, selectors
from zwerm.matchmaking.tests.factories import IntroductionFactory, organisation_with
from zwerm.organisations.tests.factories import (
    OrganisationFactory,
    ThemeFactory,
    admin_of,
    person_in,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "member", "facilitator", "operator"]
SEES_CANDIDATES = {"facilitator", "operator"}


def world(visibility):
    """An ecosystem whose member seeks what a non-member offers, and one person per role."""
    ecosystem = EcosystemFactory(visibility=visibility)
    member = organisation_with("company", seeks=["Aanleg van glasvezel"])
    MembershipFactory(ecosystem=ecosystem, organisation=member)
    organisation_with("government", offers=["Fibre network construction"])
    people = {
        "anonymous": None,
        "outsider": person_in(OrganisationFactory()),
        "member": person_in(member),
        "facilitator": person_in(member),
        "operator": UserFactory(is_staff=True),
    }
    RoleFactory(ecosystem=ecosystem, organisation=member, person=people["facilitator"],
                name=Role.Name.FACILITATOR)
    return ecosystem, people


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("role", ROLES)
def test_who_should_join_page(client, indexed, visibility, role):
    ecosystem, people = world(visibility)
    indexed()
    if people[role] is not None:
        client.force_login(people[role])
    response = client.get(f"/matchmaking/ecosystems/{ecosystem.slug}/")
    if role == "anonymous":
        assert response.status_code == 302
    elif role in SEES_CANDIDATES:
        assert response.status_code == 200
        assert "Fibre network construction" in response.content.decode()
    elif visibility == "members" and role == "outsider":
        assert response.status_code == 404
    else:
        assert response.status_code == 403
    assert permissions.can_see_candidates(people[role], ecosystem) == (role in SEES_CANDIDATES)


@pytest.mark.parametrize("role", ROLES)
def test_suggestion_pages_belong_to_the_organisation_acted_for(client, indexed, role):
    _ecosystem, people = world("public")
    indexed()
    if people[role] is not None:
        client.force_login(people[role])
    for url in ("/matchmaking/", "/matchmaking/introductions/", "/matchmaking/connections/"):
        response = client.get(url)
        expected = {"anonymous": 302, "operator": 403}.get(role, 200)  # operator: no organisation
        assert response.status_code == expected, (url, response.status_code)


@pytest.mark.parametrize("role", ["anonymous", "outsider", "requester", "recipient_member",
                                  "recipient_admin", "operator"])
def test_an_introduction_is_seen_by_both_sides_and_answered_by_the_asked_admins(client, role):
    introduction = IntroductionFactory()
    people = {
        "anonymous": None, "outsider": person_in(OrganisationFactory()),
        "requester": person_in(introduction.requester),
        "recipient_member": person_in(introduction.recipient),
        "recipient_admin": admin_of(introduction.recipient),
        "operator": UserFactory(is_staff=True),
    }
    person = people[role]
    if person is not None:
        client.force_login(person)
    response = client.get(f"/matchmaking/introductions/{introduction.uuid}/")
    if role == "anonymous":
        assert response.status_code == 302
    elif role == "outsider":
        assert response.status_code == 404
    else:
        assert response.status_code == 200
        assert ('value="accept"' in response.content.decode()) == (role == "recipient_admin")
    assert permissions.can_answer_introduction(person, introduction) == (
        role == "recipient_admin")


@pytest.mark.parametrize("role, sees", [
    ("outsider", False), ("member_of_hidden", True), ("operator", True)])
def test_members_only_ecosystems_never_leak_through_neighbour_reasons(indexed, role, sees):
    theme = ThemeFactory()
    public = EcosystemFactory(visibility=Ecosystem.Visibility.PUBLIC)
    hidden = EcosystemFactory(visibility=Ecosystem.Visibility.MEMBERS, name="Geheim Netwerk")
    public.themes.add(theme)
    hidden.themes.add(theme)  # a shared theme makes them neighbours
    seeker = organisation_with(seeks=["glasvezel"])
    MembershipFactory(ecosystem=public, organisation=seeker)
    candidate = organisation_with(offers=["glasvezel"])
    MembershipFactory(ecosystem=hidden, organisation=candidate)
    indexed()
    viewer = {
        "outsider": person_in(seeker),
        "member_of_hidden": person_in(candidate),
        "operator": UserFactory(is_staff=True),
    }[role]
    [suggestion] = selectors.suggestions_for(viewer=Actor(person=viewer), organisation=seeker)
    texts = " ".join(reason.text for reason in suggestion.reasons)
    assert ("Geheim Netwerk" in texts) == sees
    kinds = [reason.kind for reason in suggestion.reasons]
    assert ("neighbouring_ecosystem" in kinds) == sees
