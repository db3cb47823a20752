"""The dashboard: what waits for a person, their ecosystems and organisations, at a fixed cost."""

import pytest

from zwerm.ecosystems.models import EcosystemInvitation, Role
from zwerm.ecosystems.tests.factories import (
    EcosystemFactory,
    MembershipFactory,
    started_ecosystem,
)
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [5, 50])
def test_dashboard_costs_the_same_for_five_and_fifty_rows(
    client, django_assert_max_num_queries, rows
):
    ecosystem, person, home = started_ecosystem()
    for n in range(rows):
        facilitated = EcosystemFactory(name=f"Ecosysteem {n}")
        MembershipFactory(ecosystem=facilitated, organisation=home, state="active")
        Role.objects.create(ecosystem=facilitated, organisation=home, person=person,
                            name="facilitator")
        MembershipFactory(ecosystem=facilitated, organisation=OrganisationFactory(),
                          state="requested")
        MembershipFactory(ecosystem=EcosystemFactory(), organisation=home, state="requested")
        EcosystemInvitation.objects.create(
            ecosystem=EcosystemFactory(), organisation=OrganisationFactory(), email=person.email,
            expires_at="2999-01-01T00:00:00Z",
        )
        OrganisationMember.objects.create(organisation=OrganisationFactory(), person=person)
    client.force_login(person)
    with django_assert_max_num_queries(20):
        response = client.get("/dashboard/")
    assert response.status_code == 200
    content = response.content.decode()
    assert f"Ecosysteem {rows - 1}" in content
