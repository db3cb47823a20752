"""Pages of the ledger and commitments: forms with their errors, acknowledging, balances,
CSV, and the same number of queries for 5 and 50 rows."""

import csv
import io

import pytest
from django.urls import reverse

from zwerm.collaboration.models import Commitment, Contribution
from zwerm.collaboration.services import ledger as services
from zwerm.collaboration.tests.ledger.helpers import in_days, scene, today

pytestmark = pytest.mark.django_db


def url(name, s, **kwargs):
    return reverse(f"collaboration:{name}", kwargs={"ecosystem": s.ecosystem.slug, **kwargs})


def signed_in(client, person):
    client.force_login(person)
    client.cookies["zwerm_language"] = "en"
    return client


def test_commit_form_prefilled_from_a_panel_link_and_its_errors(client):
    s = scene()
    signed_in(client, s.giver_person)
    page = client.get(url("commitment_new", s) + f"?deliverable={s.deliverable.uuid}")
    assert page.status_code == 200
    assert f'value="deliverable:{s.deliverable.uuid}" selected' in page.content.decode()
    bad = client.post(url("commitment_new", s), {
        "target": f"deliverable:{s.deliverable.uuid}", "type": "hours", "quantity": "0",
        "due_on": in_days(3).isoformat()})
    assert bad.status_code == 200
    assert "The quantity must be more than zero." in bad.content.decode()
    assert not Commitment.objects.exists()
    good = client.post(url("commitment_new", s), {
        "target": f"deliverable:{s.deliverable.uuid}", "type": "hours", "quantity": "10",
        "due_on": in_days(3).isoformat()})
    commitment = Commitment.objects.get()
    assert good.status_code == 302 and str(commitment.uuid) in good["Location"]
    detail = client.get(good["Location"]).content.decode()
    assert "0 / 10 hours delivered" in detail


def test_record_acknowledge_and_see_it_everywhere(client):
    s = scene()
    commitment = services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                          quantity="10", due_on=in_days(3),
                                          deliverable=s.deliverable)
    signed_in(client, s.giver_person)
    form = client.get(url("ledger_record", s) + f"?commitment={commitment.uuid}")
    assert f'value="{commitment.uuid}" selected' in form.content.decode()
    assert '<option value="hours" selected>' in form.content.decode()
    bad = client.post(url("ledger_record", s), {
        "commitment": str(commitment.uuid), "type": "money", "quantity": "4",
        "given_on": today().isoformat(), "description": "Sessie"})
    assert "record a contribution of the same type and unit" in bad.content.decode()
    done = client.post(url("ledger_record", s), {
        "commitment": str(commitment.uuid), "type": "hours", "quantity": "4",
        "given_on": today().isoformat(), "description": "Sessie"})
    entry = Contribution.objects.get()
    assert done.status_code == 302
    page = client.get(done["Location"]).content.decode()
    assert "Not yet acknowledged" in page and "Acknowledge receipt" not in page
    assert "4 / 10 hours delivered" in client.get(
        url("commitment_detail", s, commitment=commitment.uuid)).content.decode()

    signed_in(client, s.receiver_person)
    waiting = client.get(url("ledger_waiting", s)).content.decode()
    assert "Sessie" in waiting
    assert "Acknowledge receipt" in client.get(done["Location"]).content.decode()
    client.post(url("ledger_acknowledge", s, contribution=entry.uuid))
    entry.refresh_from_db()
    assert entry.is_acknowledged
    again = client.post(url("ledger_acknowledge", s, contribution=entry.uuid), follow=True)
    assert "already acknowledged" in again.content.decode()
    balances = client.get(url("ledger_balances", s)).content.decode()
    assert "Bouwkring" in balances and "Gemeente Houten" in balances
    mine = client.get(url("ledger_organisation", s, organisation=s.giver.slug))
    assert mine.status_code == 200 and "Commitments kept on time" in mine.content.decode()


def test_correct_page_and_its_refusals(client):
    s = scene()
    entry = services.contribution_record(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                         quantity="4", given_on=today(), description="Werk",
                                         deliverable=s.deliverable)
    signed_in(client, s.receiver_person)
    assert client.get(url("ledger_correct", s, contribution=entry.uuid)).status_code == 403
    signed_in(client, s.giver_person)
    bad = client.post(url("ledger_correct", s, contribution=entry.uuid), {
        "quantity": "4", "unit": "hours", "given_on": in_days(3).isoformat(),
        "description": "Werk"})
    assert "The date cannot be in the future." in bad.content.decode()
    client.post(url("ledger_correct", s, contribution=entry.uuid), {
        "quantity": "5", "unit": "hours", "given_on": today().isoformat(),
        "description": "Meer werk"})
    entry.refresh_from_db()
    assert entry.quantity == 5 and entry.description == "Meer werk"


def test_release_from_the_edit_page(client):
    s = scene()
    commitment = services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                          quantity="10", due_on=in_days(3),
                                          deliverable=s.deliverable)
    signed_in(client, s.giver_person)
    edit = url("commitment_edit", s, commitment=commitment.uuid)
    empty = client.post(edit, {"reason": ""})
    assert empty.status_code == 200 and "This field is required." in empty.content.decode()
    client.post(edit, {"reason": "Geen capaciteit"})
    commitment.refresh_from_db()
    assert commitment.state == "released"
    page = client.get(url("commitment_list", s) + "?state=released").content.decode()
    assert "Released" in page


def test_only_who_speaks_for_the_organisation_sees_the_release_form(client):
    from zwerm.organisations.tests.factories import person_in

    s = scene()
    commitment = services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                          quantity="10", due_on=in_days(3),
                                          deliverable=s.deliverable)
    signed_in(client, person_in(s.giver))
    detail = client.get(url("commitment_detail", s, commitment=commitment.uuid)).content
    assert "Change or release" not in detail.decode() and ">Change<" in detail.decode()
    edit = url("commitment_edit", s, commitment=commitment.uuid)
    page = client.get(edit).content.decode()
    assert 'name="reason"' not in page
    assert "Only an administrator or the delegate of your organisation can release it." in page
    refused = client.post(edit, {"reason": "Weg"})
    assert "Only an administrator or the delegate" in refused.content.decode()
    assert Commitment.objects.get(pk=commitment.pk).state == "open"


def test_the_edit_page_says_why_a_commitment_being_handed_over_stays_as_it_is(client):
    from zwerm.collaboration.services import elasticity

    s = scene()
    commitment = services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                          quantity="10", due_on=in_days(3),
                                          deliverable=s.deliverable)
    elasticity.hand_over_request(actor=s.giving, commitment=commitment,
                                 to_organisation=s.receiver)
    signed_in(client, s.giver_person)
    edit = url("commitment_edit", s, commitment=commitment.uuid)
    assert "Until that request is answered or withdrawn" in client.get(edit).content.decode()
    response = client.post(edit, {"reason": "Weg"})
    assert "withdraw it first" in response.content.decode()
    response = client.post(edit, {"quantity": "3", "unit": "hours",
                                  "due_on": in_days(3).isoformat(), "description": ""})
    assert "withdraw it first" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.state == "open" and commitment.quantity == 10


def test_anonymous_visitors_are_sent_to_sign_in_for_forms(client):
    s = scene()
    response = client.get(url("ledger_record", s))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    signed_in(client, s.third_person)
    assert client.get(url("ledger_correct", s, contribution="0" * 8 + "-0000-0000-0000-"
                          + "0" * 12)).status_code == 404


def test_csv_export_has_the_documented_columns_and_neutralises_formulas(client):
    s = scene()
    services.contribution_record(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                 quantity="4", given_on=today(), description="=HYPERLINK(1)",
                                 deliverable=s.deliverable)
    response = client.get(url("ledger_export", s))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:6] == ["uuid", "given_on", "giver_organisation", "type", "quantity", "unit"]
    assert rows[1][4] == "4.00" and rows[1][13] == "'=HYPERLINK(1)"


def _fill(s, count):
    for number in range(count):
        commitment = Commitment.objects.create(
            ecosystem=s.ecosystem, organisation=s.giver, deliverable=s.deliverable,
            type="hours", quantity=10, unit="hours", due_on=in_days(number % 5))
        entry = Contribution.objects.create(
            ecosystem=s.ecosystem, giver_organisation=s.giver, giver=s.giver_person,
            deliverable=s.deliverable, type="hours", quantity=1, unit="hours",
            given_on=today(), description=f"Werk {number}", commitment=commitment)
        entry.beneficiaries.add(s.third)


@pytest.mark.parametrize("name", ["ledger", "commitment_list", "ledger_balances",
                                  "commitment_kept", "ledger_waiting"])
def test_query_counts_do_not_grow_with_rows(client, django_assert_max_num_queries, name):
    counts = []
    for rows in (5, 50):
        s = scene()
        _fill(s, rows)
        signed_in(client, s.receiver_person)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(name, s)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
    with django_assert_max_num_queries(counts[1]):
        client.get(url(name, s))


def test_panels_show_on_the_deliverable_group_initiative_and_organisation_pages(client):
    from zwerm.ideation.models import Initiative
    from zwerm.ideation.tests.factories import challenge_in

    s = scene()
    commitment = services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                          quantity="10", due_on=in_days(3),
                                          working_group=s.group)
    services.contribution_record(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                 quantity="4", given_on=today(), description="Werk",
                                 commitment=commitment)
    signed_in(client, s.third_person)
    group_page = client.get(reverse("collaboration:wg_detail", kwargs={
        "ecosystem": s.ecosystem.slug, "slug": s.group.slug})).content.decode()
    assert "Commitments and contributions" in group_page
    assert "4 / 10 hours delivered" in group_page
    assert f"?working_group={s.group.uuid}" in group_page
    deliverable_page = client.get(url("deliverable_detail", s,
                                      deliverable=s.deliverable.uuid)).content.decode()
    assert f"?deliverable={s.deliverable.uuid}" in deliverable_page
    challenge, _facilitator, _organisation = challenge_in(s.ecosystem)
    initiative = Initiative.objects.create(challenge=challenge, title="Warmtenet", threshold=2)
    initiatives = client.get(reverse("ideation:initiatives", kwargs={"slug": challenge.slug}))
    assert f"?initiative={initiative.uuid}" in initiatives.content.decode()
    organisation_page = client.get(reverse("organisations:detail",
                                           kwargs={"slug": s.giver.slug})).content.decode()
    assert url("ledger_organisation", s, organisation=s.giver.slug) in organisation_page


def test_bad_filters_and_pages_fall_back_instead_of_failing(client):
    s = scene()
    for name in ("ledger", "commitment_list"):
        response = client.get(url(name, s), {"type": "gold", "organisation": "nobody",
                                             "state": "lost", "acknowledged": "maybe",
                                             "deliverable": "x", "page": "abc"})
        assert response.status_code == 200
    assert client.get(url("ledger_organisation", s, organisation="nobody")).status_code == 404
