"""The collaboration panels on the initiatives page (ledger commitments and "start a working
group") answer once per page, not once per initiative: the page runs the same number of
queries for 3 initiatives as for 12."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from zwerm.collaboration.models import Commitment, WorkingGroup
from zwerm.collaboration.tests.working_groups.helpers import make_setting
from zwerm.ideation.models import Commitment as InitiativeCommitment
from zwerm.ideation.models import Initiative
from zwerm.ideation.tests.factories import challenge_in

pytestmark = pytest.mark.django_db


def initiatives_page(count: int):
    """A challenge of an ecosystem with ``count`` initiatives: most started, some with a
    working group; organisations committed to them (ideation) and in the ledger."""
    s = make_setting()
    challenge, _facilitator, _organisation = challenge_in(s.ecosystem)
    for number in range(count):
        initiative = Initiative.objects.create(
            challenge=challenge, title=f"Initiatief {number}", threshold=1,
            started_at=timezone.now() if number % 4 else None)
        committed = number % 2
        InitiativeCommitment.objects.create(initiative=initiative, organisation=s.orgs[committed],
                                            person=s.people[committed], text="Uren en kennis")
        Commitment.objects.create(
            ecosystem=s.ecosystem, organisation=s.orgs[committed], person=s.people[committed],
            initiative=initiative, type="hours", unit="hours", quantity=Decimal("8"),
            due_on=timezone.localdate() + timedelta(days=30))
        if number % 4 == 3:
            WorkingGroup.objects.create(
                ecosystem=s.ecosystem, name=f"Werkgroep {number}", slug=f"werkgroep-{number}",
                purpose="Samen.", started_for=s.orgs[0], initiative=initiative)
    return s, f"/challenges/{challenge.slug}/initiatives/"


def queries_of(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


@pytest.mark.parametrize("viewer", ["anonymous", "committed", "facilitator"])
def test_the_initiatives_page_runs_as_many_queries_for_3_as_for_12_initiatives(client, viewer):
    counts = []
    for count in (3, 12):
        s, url = initiatives_page(count)
        client.logout()
        if viewer != "anonymous":
            client.force_login(s.people[1] if viewer == "committed" else s.facilitator)
        queries, html = queries_of(client, url)
        counts.append(queries)
        assert html.count('class="ledger-initiative"') == count
        started_without_group = sum(1 for n in range(count) if n % 4 in (1, 2))
        starts = html.count("from-initiative/")
        if viewer == "facilitator":
            assert starts == started_without_group
        elif viewer == "committed":  # people[1] committed to the odd-numbered initiatives
            assert starts == sum(1 for n in range(count) if n % 4 == 1)
        else:
            assert starts == 0
        assert html.count("/working-groups/werkgroep-") == count // 4
    assert counts[0] == counts[1], counts


def test_the_panels_show_each_initiatives_own_commitments(client):
    s, url = initiatives_page(3)
    client.force_login(s.people[1])
    html = client.get(url).content.decode()
    sections = [part.split("</div>")[0] for part in html.split('class="ledger-initiative"')[1:]]
    commitments = list(Commitment.objects.order_by("initiative__created_at", "initiative_id"))
    assert len(sections) == len(commitments) == 3
    for number, section in enumerate(sections):
        assert all((str(c.uuid) in section) == (index == number)
                   for index, c in enumerate(commitments))
        assert "?initiative=" in section  # people[1] acts for an active member: may commit
