"""Selectors other parts use, query counts that do not grow with the rows, the privacy
export and the panels."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from zwerm.collaboration.handlers.decisions import export_person
from zwerm.collaboration.models import Decision, Proposal
from zwerm.collaboration.selectors.decisions import (
    awaiting_position,
    decision_register,
    open_proposals,
    recent_decisions,
    working_group_proposals,
)
from zwerm.collaboration.tests.decisions.helpers import Eco
from zwerm.core.privacy import export_sections
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def bulk(eco, count, *, decided=True):
    """``count`` proposals (and their decisions) made directly, for query counts."""
    now = timezone.now()
    start = Decision.objects.filter(ecosystem=eco.ecosystem).count()
    for number in range(start + 1, start + count + 1):
        proposal = Proposal.objects.create(
            ecosystem=eco.ecosystem, title=f"Voorstel {number}", body="Tekst",
            proposer=eco.admins[0], proposer_organisation=eco.orgs[0],
            decision_mode="organisation", deadline=now + timedelta(days=1),
            state="closed" if decided else "open")
        if decided:
            Decision.objects.create(proposal=proposal, ecosystem=eco.ecosystem, number=number,
                                    version=1, outcome="adopted", statement="Aangenomen.",
                                    decided_at=now)


def test_awaiting_position_open_proposals_and_recent_decisions():
    eco = Eco(orgs=2, visibility="members")
    answered = eco.propose(title="Al gedaan")
    eco.respond(answered, 1)
    waiting = eco.propose(title="Wacht op jou")
    assert [p.title for p in awaiting_position(actor=eco.delegate(1),
                                               ecosystem=eco.ecosystem)] == ["Wacht op jou"]
    assert awaiting_position(actor=eco.admin(1), ecosystem=eco.ecosystem) == []
    assert {p.pk for p in open_proposals(ecosystem=eco.ecosystem, viewer=eco.delegates[1])} == {
        answered.pk, waiting.pk}
    outsider = person_in(OrganisationFactory())
    assert not open_proposals(ecosystem=eco.ecosystem, viewer=outsider).exists()
    eco.respond(answered, 0)
    assert [d.proposal_id for d in recent_decisions(ecosystem=eco.ecosystem,
                                                    viewer=eco.delegates[0])] == [answered.pk]
    assert recent_decisions(ecosystem=eco.ecosystem, viewer=outsider) == []
    assert recent_decisions(ecosystem=eco.ecosystem, viewer=None) == []


def test_the_register_searches_earlier_versions_and_filters_by_working_group():
    eco = Eco(orgs=1)
    group = eco.group([0])
    proposal = eco.propose(title="Eerste titel", working_group=group)
    from zwerm.collaboration.services.decisions import proposal_amend

    proposal_amend(actor=eco.admin(0), proposal=proposal, title="Tweede titel", body="Nieuw",
                   reason="Beter", deadline=timezone.now() + timedelta(days=1))
    eco.respond(proposal, 0)
    found = decision_register(ecosystem=eco.ecosystem, viewer=None, query="eerste")
    assert found.count() == 1
    assert decision_register(ecosystem=eco.ecosystem, viewer=None,
                             working_group=group.slug).count() == 1
    assert decision_register(ecosystem=eco.ecosystem, viewer=None,
                             working_group=str(group.uuid)).count() == 1
    assert decision_register(ecosystem=eco.ecosystem, viewer=None,
                             working_group="other").count() == 0
    panel = working_group_proposals(working_group=group, viewer=None)
    assert panel["open"] == [] and len(panel["decisions"]) == 1


def count_queries(call):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert response.status_code == 200, response.content[:500]
    return len(captured.captured_queries)


def test_list_pages_and_endpoints_take_the_same_queries_for_5_and_50_rows(client, api_for):
    eco = Eco(orgs=2)
    slug = eco.ecosystem.slug
    client.force_login(eco.delegates[1])
    api = api_for(eco.delegates[1], eco.orgs[1])
    calls = {
        "register": lambda: client.get(reverse("collaboration:decision_register", args=[slug])),
        "proposals": lambda: client.get(reverse("collaboration:proposal_list", args=[slug])),
        "api_decisions": lambda: api.get(f"/api/v1/collaboration/ecosystems/{slug}/decisions",
                                         {"limit": 100}),
        "api_proposals": lambda: api.get(f"/api/v1/collaboration/ecosystems/{slug}/proposals",
                                         {"limit": 100}),
        "ecosystem_page": lambda: client.get(reverse("ecosystems:detail", args=[slug])),
    }
    bulk(eco, 5)
    bulk(eco, 5, decided=False)
    few = {name: count_queries(call) for name, call in calls.items()}
    bulk(eco, 45)
    bulk(eco, 45, decided=False)
    many = {name: count_queries(call) for name, call in calls.items()}
    assert few == many
    assert max(count for name, count in few.items() if name != "ecosystem_page") <= 25


def test_proposal_detail_takes_the_same_queries_for_5_and_30_voters(client):
    counts = []
    for voters in (5, 30):
        eco = Eco(orgs=voters)
        proposal = eco.propose()
        for index in range(1, voters):
            eco.respond(proposal, index, "concern", reason="Let op.")
        client.force_login(eco.delegates[0])
        counts.append(count_queries(lambda eco=eco, proposal=proposal: client.get(
            reverse("collaboration:proposal_detail", args=[eco.ecosystem.slug,
                                                           proposal.uuid]))))
    assert counts[0] == counts[1]


def test_privacy_export_holds_proposals_and_positions():
    eco = Eco(orgs=2)
    proposal = eco.propose(title="Mijn voorstel")
    eco.respond(proposal, 1, "objection", reason="Mijn reden")
    mine = export_person(eco.admins[0])
    assert [p["title"] for p in mine["proposals"]] == ["Mijn voorstel"]
    theirs = export_sections(eco.delegates[1])["collaboration_decisions"]
    assert theirs["positions"][0]["reason"] == "Mijn reden"
    assert theirs["positions"][0]["stance"] == "objection"


def test_working_group_panel_renders():
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from zwerm.collaboration.panels.decisions import working_group_sections

    eco = Eco(orgs=1)
    group = eco.group([0])
    eco.propose(title="Groepsvoorstel", working_group=group)
    request = RequestFactory().get("/")
    request.user = eco.delegates[0]
    context = working_group_sections(request, group)
    html = render_to_string("collaboration/decisions/panels/_working_group.html", context)
    assert "Groepsvoorstel" in html


def test_proposal_list_puts_open_proposals_first_soonest_deadline_first():
    from zwerm.collaboration.selectors.decisions import proposal_list

    eco = Eco(orgs=1)
    bulk(eco, 2)  # closed, deadline tomorrow
    later = eco.propose(title="Later", deadline=timezone.now() + timedelta(days=9))
    sooner = eco.propose(title="Eerder", deadline=timezone.now() + timedelta(days=3))
    titles = [p.title for p in proposal_list(ecosystem=eco.ecosystem, viewer=None)]
    assert titles[:2] == [sooner.title, later.title]
    assert len(titles) == 4
    assert [p.title for p in proposal_list(ecosystem=eco.ecosystem, viewer=None,
                                           state="closed")] == ["Voorstel 2", "Voorstel 1"]
