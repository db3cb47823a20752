"""The pages: what they show, how they turn domain errors into form errors, query counts."""

import pytest

from zwerm.ecosystems.models import Role
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory, RoleFactory
from zwerm.matchmaking.models import Connection, Dismissal, Introduction
from zwerm.matchmaking.tests.factories import IntroductionFactory, connect, organisation_with
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeker_client(client, indexed):
    seeker = organisation_with("government", seeks=["Koppeling met overheidsdata"])
    offerer = organisation_with("company", offers=["Integration of government data"])
    indexed()
    client.force_login(person_in(seeker, language="en"))
    return client, seeker, offerer


def test_suggestions_show_why_and_the_parts_of_the_score(seeker_client):
    client, _seeker, offerer = seeker_client
    page = client.get("/matchmaking/").content.decode()
    assert offerer.name in page
    assert "Koppeling met overheidsdata" in page and "Integration of government data" in page
    assert "match-reason-offer_answers_need" in page and "match-reason-triple_helix" in page


def test_dismiss_hides_and_restore_shows_again(seeker_client):
    client, seeker, offerer = seeker_client
    response = client.post(f"/matchmaking/dismiss/{offerer.slug}/")
    assert response.status_code == 302
    assert Dismissal.objects.filter(organisation=seeker, dismissed=offerer).exists()
    page = client.get("/matchmaking/").content.decode()
    assert "Hidden from your suggestions" in page
    assert f"/matchmaking/introductions/new/{offerer.slug}/" not in page
    client.post(f"/matchmaking/restore/{offerer.slug}/")
    assert f"/matchmaking/introductions/new/{offerer.slug}/" in client.get(
        "/matchmaking/").content.decode()
    assert client.get(f"/matchmaking/dismiss/{offerer.slug}/").status_code == 405


def test_request_form_shows_errors_and_then_sends(seeker_client):
    client, _seeker, offerer = seeker_client
    url = f"/matchmaking/introductions/new/{offerer.slug}/"
    page = client.get(url).content.decode()
    assert "Why you would meet" in page
    response = client.post(url, {"message": ""})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert client.post(url, {"message": "Zullen we kennismaken?"}).status_code == 302
    response = client.post(url, {"message": "Nog een keer"})
    assert response.status_code == 200
    assert "already" in response.content.decode()
    assert Introduction.objects.count() == 1
    assert client.get("/matchmaking/introductions/new/nobody/").status_code == 404


def test_answer_accept_connects(client):
    introduction = IntroductionFactory(message="Wij zoeken glasvezel-partners.")
    client.force_login(admin_of(introduction.recipient, language="en"))
    page = client.get("/matchmaking/introductions/").content.decode()
    assert introduction.requester.name in page and "Wij zoeken glasvezel-partners." in page
    url = f"/matchmaking/introductions/{introduction.uuid}/"
    assert client.post(url, {"action": "accept", "reply": "Welkom"}).status_code == 302
    assert Connection.objects.count() == 1
    assert introduction.requester.name in client.get("/matchmaking/connections/").content.decode()
    response = client.post(url, {"action": "decline"})  # answered already: a form error
    assert response.status_code == 200 and "answered already" in response.content.decode()
    assert client.post(url, {"action": "shrug"}).status_code == 404


def test_answer_decline(client):
    introduction = IntroductionFactory()
    client.force_login(admin_of(introduction.recipient))
    client.post(f"/matchmaking/introductions/{introduction.uuid}/", {"action": "decline"})
    introduction.refresh_from_db()
    assert introduction.state == Introduction.State.DECLINED
    assert not Connection.objects.exists()


def _many_matches(count):
    seeker = organisation_with("government", seeks=["glasvezel aanleg"])
    for _ in range(count):
        organisation_with("company", offers=["Aanleg van glasvezel"])
    return seeker


@pytest.mark.parametrize("count", [5, 50])
def test_suggestions_page_queries_do_not_grow(client, indexed, count,
                                              django_assert_max_num_queries):
    seeker = _many_matches(count)
    indexed()
    client.force_login(person_in(seeker))
    client.get("/matchmaking/")  # the first answer loads the index into this process
    with django_assert_max_num_queries(16):
        response = client.get("/matchmaking/")
    assert response.content.decode().count("match-card") == min(count, 20)


@pytest.mark.parametrize("count", [5, 50])
def test_introductions_and_connections_pages_queries_do_not_grow(
    client, count, django_assert_max_num_queries
):
    own = OrganisationFactory()
    for _ in range(count):
        IntroductionFactory(recipient=own)
        IntroductionFactory(requester=own)
        connect(own, OrganisationFactory())
    client.force_login(admin_of(own))
    with django_assert_max_num_queries(12):
        assert client.get("/matchmaking/introductions/").status_code == 200
    with django_assert_max_num_queries(10):
        page = client.get("/matchmaking/connections/").content.decode()
    assert page.count('class="role-row connection"') == count


@pytest.mark.parametrize("count", [5, 50])
def test_who_should_join_queries_do_not_grow(client, indexed, count,
                                             django_assert_max_num_queries):
    ecosystem = EcosystemFactory()
    member = _many_matches(count)
    MembershipFactory(ecosystem=ecosystem, organisation=member)
    facilitator = person_in(member)
    RoleFactory(ecosystem=ecosystem, organisation=member, person=facilitator,
                name=Role.Name.FACILITATOR)
    indexed()
    client.force_login(facilitator)
    url = f"/matchmaking/ecosystems/{ecosystem.slug}/"
    client.get(url)
    with django_assert_max_num_queries(18):
        response = client.get(url)
    assert response.content.decode().count("match-card") == min(count, 20)
