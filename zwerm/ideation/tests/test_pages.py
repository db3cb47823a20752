"""Pages render for their audience, turn domain errors into form errors, and run a fixed
number of queries however many rows they show."""

import pytest

from zwerm.ideation.models import Phase
from zwerm.ideation.services import comment_post
from zwerm.ideation.tests.factories import challenge_in

pytestmark = pytest.mark.django_db


def fill(s, n):
    ideas = [s.idea(f"Idee {i}", tags=["energie"], actor=s.members[i % 3]) for i in range(n)]
    for idea in ideas[:5]:
        comment_post(actor=s.members[1], idea=idea, body="Mooi")
    return ideas


@pytest.mark.parametrize("rows", [5, 50])
def test_challenge_list_queries(client, django_assert_max_num_queries, rows):
    for _ in range(rows):
        challenge_in()
    with django_assert_max_num_queries(3):
        response = client.get("/challenges/")
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [5, 50])
def test_challenge_page_queries(client, make_setup, django_assert_max_num_queries, rows):
    s = make_setup()
    fill(s, rows)
    client.force_login(s.members[0].person)
    with django_assert_max_num_queries(24):
        response = client.get(f"/challenges/{s.challenge.slug}/")
    assert response.status_code == 200
    assert response.content.count(b'class="card idea-card"') == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_idea_endpoint_queries(api, make_setup, django_assert_max_num_queries, rows):
    s = make_setup()
    fill(s, rows)
    with django_assert_max_num_queries(7):
        response = api.get(f"challenges/{s.challenge.slug}/ideas", {"limit": 100})
    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_result_page_and_export_queries(client, make_setup, django_assert_max_num_queries,
                                        rows):
    from zwerm.ideation.services import ballot_cast

    s = make_setup(method="approval", weighting="person")
    ideas = fill(s, rows)
    s.phase(Phase.VOTE)
    for member in s.members:
        ballot_cast(actor=member, challenge=s.challenge, choices=[str(ideas[0].uuid)])
    s.phase(Phase.SELECT)
    with django_assert_max_num_queries(9):
        assert client.get(f"/challenges/{s.challenge.slug}/results/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(f"/challenges/{s.challenge.slug}/results/ballots.json").status_code \
            == 200


def test_create_challenge_through_the_page(client, make_setup):
    s = make_setup()
    client.force_login(s.members[0].person)
    response = client.post("/challenges/new/", {
        "question": "Hoe maken we de haven groener?", "ecosystem": s.ecosystem.slug,
        "method": "score", "dots": 5, "commitment_threshold": 2, "secret": "on",
    })
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert "Hoe maken we de haven groener?" in response.content.decode()


def test_domain_errors_become_form_errors(client, make_setup):
    s = make_setup()
    s.phase(Phase.REFINE)
    client.force_login(s.members[0].person)
    response = client.post(f"/challenges/{s.challenge.slug}/ideas/new/", {"title": "Te laat"})
    assert response.status_code == 200
    assert b"errorlist" in response.content


def test_vote_page_casts_and_shows_a_receipt(client, make_setup):
    s = make_setup(method="ranked")
    one, two = s.idea("Een"), s.idea("Twee")
    s.phase(Phase.VOTE)
    client.force_login(s.members[0].person)
    response = client.post(f"/challenges/{s.challenge.slug}/vote/",
                           {f"o-{two.uuid}": "1", f"o-{one.uuid}": "2"})
    assert response.status_code == 200
    assert b"token-value" in response.content
    from zwerm.ideation.models import Ballot

    assert Ballot.objects.get().choices == [str(two.uuid), str(one.uuid)]
    bad = client.post(f"/challenges/{s.challenge.slug}/vote/", {f"o-{two.uuid}": "9"})
    assert bad.status_code == 422


def test_phase_and_merge_forms(client, make_setup):
    s = make_setup()
    one, two = s.idea("Een"), s.idea("Twee")
    client.force_login(s.facilitator)
    response = client.post(f"/challenges/{s.challenge.slug}/ideas/{two.uuid}/merge/",
                           {"target": str(one.uuid)})
    assert response.status_code == 302
    two.refresh_from_db()
    assert two.merged_into == one
    client.post(f"/challenges/{s.challenge.slug}/phase/", {"phase": "refine"})
    s.challenge.refresh_from_db()
    assert s.challenge.phase == Phase.REFINE


def test_facilitators_add_a_facilitator_through_the_page(client, make_setup):
    s = make_setup()
    client.force_login(s.facilitator)
    page = client.get(f"/challenges/{s.challenge.slug}/").content.decode()
    assert str(s.members[1].person.uuid) in page
    response = client.post(f"/challenges/{s.challenge.slug}/facilitators/",
                           {"person": str(s.members[1].person.uuid)})
    assert response.status_code == 302
    assert s.challenge.facilitators.filter(pk=s.members[1].person.pk).exists()
    client.force_login(s.members[0].person)
    response = client.post(f"/challenges/{s.challenge.slug}/facilitators/",
                           {"person": str(s.members[2].person.uuid)})
    assert response.status_code == 403


def test_co_authors_chosen_on_the_idea_form(client, make_setup):
    s = make_setup()
    client.force_login(s.members[0].person)
    page = client.get(f"/challenges/{s.challenge.slug}/ideas/new/").content.decode()
    assert str(s.members[1].person.uuid) in page
    assert str(s.members[0].person.uuid) not in page
    response = client.post(f"/challenges/{s.challenge.slug}/ideas/new/", {
        "title": "Samen bedacht", "co_authors": [str(s.members[1].person.uuid)]})
    assert response.status_code == 302
    idea = s.challenge.ideas.get()
    assert list(idea.co_authors.all()) == [s.members[1].person]
    response = client.post(f"/challenges/{s.challenge.slug}/ideas/{idea.uuid}/edit/", {
        "title": "Samen bedacht", "co_authors": []})
    assert response.status_code == 302
    assert not idea.co_authors.exists()


def test_ranked_results_show_the_head_to_head_table(client, make_setup):
    from zwerm.ideation.services import ballot_cast

    s = make_setup(method="ranked")
    one, two = s.idea("Een"), s.idea("Twee")
    s.phase(Phase.VOTE)
    for member in s.members[:2]:
        ballot_cast(actor=member, challenge=s.challenge, choices=[str(two.uuid), str(one.uuid)])
    s.phase(Phase.SELECT)
    page = client.get(f"/challenges/{s.challenge.slug}/results/").content.decode()
    assert 'id="pairwise-title"' in page
    assert "<strong>2</strong>" in page


def test_list_filters_by_ecosystem(client, make_setup):
    s, other = make_setup(), make_setup()
    page = client.get("/challenges/", {"ecosystem": s.ecosystem.slug}).content.decode()
    assert s.challenge.slug in page and other.challenge.slug not in page


def test_ballots_in_words():
    from zwerm.ideation.results import readable

    titles = {"a": "Een", "b": "Twee", "c": "Drie"}
    assert readable("dot", {"a": 2, "b": 1}, titles) == "Een (2), Twee (1)"
    assert readable("approval", ["a", "c"], titles) == "Een, Drie"
    assert readable("ranked", ["b", ["a", "c"]], titles) == "1. Twee; 2. Een = Drie"
