"""The decision pages: list, tabling, detail with positions, amend, withdraw, register,
statement and settings; bad input shows form errors and stores nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from zwerm.collaboration.models import CollaborationSettings, Decision, Proposal
from zwerm.collaboration.tests.decisions.helpers import Eco
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def url(name, eco, *args):
    return reverse(f"collaboration:{name}", args=[eco.ecosystem.slug, *args])


def local(hours):
    return timezone.localtime(timezone.now() + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


def login(client, person):
    """Sign in, reading the pages in English (a signed-in person's own language counts)."""
    person.language = "en"
    person.save(update_fields=["language"])
    client.force_login(person)


@pytest.fixture
def eco():
    return Eco(orgs=2, names=["Bouwkring", "Warmtebedrijf"])


def test_tabling_through_the_form_and_reading_the_proposal(client, eco):
    login(client, eco.admins[0])
    page = client.get(url("proposal_create", eco), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    response = client.post(url("proposal_create", eco), {
        "title": "Samen een loods", "body": "Een **gedeelde** loods.", "kind": "consent",
        "working_group": "", "deadline": local(48), "options": "",
    })
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response.url == url("proposal_detail", eco, proposal.uuid)
    detail = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en")
    html = detail.content.decode()
    assert "<strong>gedeelde</strong>" in html
    assert "Warmtebedrijf" in html and "Not responded yet" in html
    listing = client.get(url("proposal_list", eco), HTTP_ACCEPT_LANGUAGE="en")
    assert "Samen een loods" in listing.content.decode()


def test_a_bad_deadline_is_a_form_error_and_nothing_is_stored(client, eco):
    login(client, eco.admins[0])
    response = client.post(url("proposal_create", eco), {
        "title": "Te snel", "body": "Tekst", "kind": "consent", "deadline": local(0),
    }, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "at least one hour" in response.content.decode()
    assert not Proposal.objects.exists()
    poll = client.post(url("proposal_create", eco), {
        "title": "Poll", "body": "Tekst", "kind": "poll", "deadline": local(5),
        "options": "Alleen",
    }, HTTP_ACCEPT_LANGUAGE="en")
    assert "from 2 to 10 options" in poll.content.decode()


def test_outsiders_cannot_table_and_members_only_ecosystems_are_hidden(client):
    eco = Eco(orgs=1, visibility="members")
    outsider = person_in(OrganisationFactory())
    login(client, outsider)
    assert client.get(url("proposal_list", eco)).status_code == 404
    assert client.get(url("decision_register", eco)).status_code == 404
    proposal = eco.propose()
    assert client.get(url("proposal_detail", eco, proposal.uuid)).status_code == 404
    client.logout()
    assert client.get(url("proposal_detail", eco, proposal.uuid)).status_code == 404


def test_observer_page_for_public_ecosystem_shows_no_form(client, eco):
    proposal = eco.propose()
    login(client, person_in(OrganisationFactory()))
    response = client.get(url("proposal_detail", eco, proposal.uuid), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Save my position" not in response.content.decode()
    assert client.get(url("proposal_create", eco)).status_code == 403


def test_giving_positions_through_the_page_until_decided(client, eco):
    proposal = eco.propose()
    login(client, eco.delegates[1])
    bad = client.post(url("proposal_position", eco, proposal.uuid),
                      {"stance": "objection", "reason": ""}, HTTP_ACCEPT_LANGUAGE="en")
    assert bad.status_code == 400
    assert "An objection needs a reason" in bad.content.decode()
    ok = client.post(url("proposal_position", eco, proposal.uuid),
                     {"stance": "consent", "reason": ""})
    assert ok.status_code == 302
    login(client, eco.delegates[0])
    client.post(url("proposal_position", eco, proposal.uuid), {"stance": "consent"})
    decision = Decision.objects.get()
    page = client.get(url("decision_detail", eco, decision.number), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert decision.statement in page.content.decode()


def test_wrong_person_sees_who_may_respond(client, eco):
    proposal = eco.propose()
    colleague = person_in(eco.orgs[1])
    login(client, colleague)
    response = client.post(url("proposal_position", eco, proposal.uuid),
                           {"stance": "consent"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "delegate" in response.content.decode()


def test_amend_and_withdraw_pages(client, eco):
    proposal = eco.propose()
    login(client, eco.delegates[1])
    assert client.get(url("proposal_amend", eco, proposal.uuid)).status_code == 403
    login(client, eco.admins[0])
    empty = client.post(url("proposal_amend", eco, proposal.uuid), {
        "title": "Nieuw", "body": "Tekst", "reason": "", "deadline": local(30)})
    assert empty.status_code == 200
    proposal.refresh_from_db()
    assert proposal.version == 1
    done = client.post(url("proposal_amend", eco, proposal.uuid), {
        "title": "Nieuw", "body": "Tekst", "reason": "Kosten", "deadline": local(30)})
    assert done.status_code == 302
    proposal.refresh_from_db()
    assert proposal.version == 2
    client.post(url("proposal_withdraw", eco, proposal.uuid), {"reason": "Dubbel"})
    proposal.refresh_from_db()
    assert proposal.state == "withdrawn"


def test_register_search_and_filters(client, eco):
    first = eco.propose(title="Loods huren")
    eco.respond(first, 0)
    eco.respond(first, 1)
    second = eco.propose(title="Website bouwen", body="Een site voor het netwerk.")
    eco.respond(second, 0)
    eco.respond(second, 1, "objection", reason="Te duur")
    response = client.get(url("decision_register", eco), {"q": "loods"})
    html = response.content.decode()
    assert "Loods huren" in html, html
    assert "Website bouwen" not in html
    not_adopted = client.get(url("decision_register", eco), {"outcome": "not_adopted"})
    assert "Website bouwen" in not_adopted.content.decode()
    assert "Loods huren" not in not_adopted.content.decode()
    year = client.get(url("decision_register", eco), {"year": timezone.now().year,
                                                      "outcome": "adopted"})
    assert "Loods huren" in year.content.decode()
    junk = client.get(url("decision_register", eco), {"year": "abc", "q": "website"})
    assert junk.status_code == 200
    assert "Website bouwen" in junk.content.decode()
    assert "Loods huren" not in junk.content.decode()


def test_statement_page(client, eco):
    proposal = eco.propose()
    eco.respond(proposal, 0)
    eco.respond(proposal, 1)
    decision = Decision.objects.get()
    login(client, eco.delegates[1])
    refused = client.post(url("decision_statement", eco, decision.number), {"statement": "Nee"})
    assert refused.status_code == 400
    login(client, eco.admins[0])
    empty = client.post(url("decision_statement", eco, decision.number), {"statement": ""})
    assert empty.status_code == 400
    client.post(url("decision_statement", eco, decision.number),
                {"statement": "Aangenomen; Bouwkring regelt het contract."})
    decision.refresh_from_db()
    assert decision.statement == "Aangenomen; Bouwkring regelt het contract."


def test_settings_page_for_facilitators_only(client, eco):
    login(client, eco.delegates[1])
    assert client.get(url("collaboration_settings", eco)).status_code == 403
    login(client, eco.facilitator)
    assert client.get(url("collaboration_settings", eco)).status_code == 200
    bad = client.post(url("collaboration_settings", eco), {
        "unit_of_account": "euro", "decision_mode": "person", "quorum_percent": "150"})
    assert bad.status_code == 200
    assert CollaborationSettings.objects.get().quorum_percent is None
    client.post(url("collaboration_settings", eco), {
        "unit_of_account": "euro", "decision_mode": "person", "quorum_percent": "60"})
    saved = CollaborationSettings.objects.get()
    assert (saved.unit_of_account, saved.decision_mode, saved.quorum_percent) == (
        "euro", "person", 60)


def test_the_ecosystem_page_shows_the_panels(client, eco):
    proposal = eco.propose(title="Gezamenlijke inkoop")
    login(client, eco.delegates[1])
    page = client.get(reverse("ecosystems:detail", args=[eco.ecosystem.slug]),
                      HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert url("proposal_list", eco) in html
    assert "Awaiting your position" in html and proposal.title in html


def test_a_poll_through_the_pages(client, eco):
    poll = eco.propose(kind="poll", options=["Dinsdag", "Donderdag"], title="Wanneer?")
    thursday = poll.options.get(label="Donderdag")
    login(client, eco.delegates[0])
    page = client.get(url("proposal_detail", eco, poll.uuid))
    assert "Donderdag" in page.content.decode()
    bad = client.post(url("proposal_position", eco, poll.uuid), {"option": "nonsense"})
    assert bad.status_code == 400
    client.post(url("proposal_position", eco, poll.uuid), {"option": str(thursday.uuid)})
    login(client, eco.delegates[1])
    client.post(url("proposal_position", eco, poll.uuid), {"option": str(thursday.uuid)})
    decision = Decision.objects.get()
    assert decision.outcome == "poll_result"
    page = client.get(url("decision_detail", eco, decision.number)).content.decode()
    assert "Donderdag: 2" in page


def test_after_not_adopted_the_proposer_is_offered_amend_and_reopen(client, eco):
    proposal = eco.propose()
    eco.respond(proposal, 0)
    eco.respond(proposal, 1, "objection", reason="Nee")
    login(client, eco.admins[0])
    page = client.get(url("proposal_detail", eco, proposal.uuid)).content.decode()
    assert "Amend and reopen" in page
    assert "Save my position" not in page


def test_the_working_group_page_lists_its_proposals_and_decisions(client, eco):
    group = eco.group([0, 1])
    open_one = eco.propose(title="Open groepsvoorstel", working_group=group)
    done = eco.propose(title="Besloten groepsvoorstel", working_group=group)
    eco.respond(done, 0)
    eco.respond(done, 1)
    login(client, eco.delegates[1])
    page = client.get(reverse("collaboration:wg_detail", args=[eco.ecosystem.slug, group.slug]))
    assert page.status_code == 200
    html = page.content.decode()
    assert open_one.title in html and done.title in html
    assert "Table a proposal to this group" in html
