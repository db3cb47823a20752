"""The hand-over pages, the welcome page, the leave page's list and the panels."""

import pytest

from zwerm.collaboration.models import Commitment, HandOver, WorkingGroupRole
from zwerm.collaboration.services import elasticity as services
from zwerm.collaboration.tests.elasticity.conftest import (
    add_member,
    give_role,
    joined,
    make_commitment,
    make_group,
)
from zwerm.ecosystems.tests.factories import member_organisation
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of, person_in

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def english(client, settings):
    """The language cookie wins over the person's (Dutch) preference: English here."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def url(s, page=""):
    return f"/ecosystems/{s.ecosystem.slug}/hand-over/{page}"


def test_the_leave_page_lists_what_is_held_and_points_to_the_hand_over_page(scene, client):
    s = scene()
    client.force_login(s.giver_admin)
    page = client.get(f"/ecosystems/{s.ecosystem.slug}/membership/leave/", **EN).content.decode()
    assert "Decide what happens to your open commitments and roles" in page
    assert "Commitment: 10 hours of hours to Circulaire inkoop" in page
    assert "Role: lead of the working group Circulaire inkoop" in page
    assert url(s) in page
    assert "released when you leave" in page
    pause = client.get(f"/ecosystems/{s.ecosystem.slug}/membership/pause/", **EN)
    assert "these stay yours" in pause.content.decode()


def test_hand_over_page_hands_over_a_commitment_and_releases_a_role(scene, client):
    s = scene()
    client.force_login(s.giver_admin)
    page = client.get(url(s), **EN)
    assert page.status_code == 200
    assert s.taker.name in page.content.decode()
    key = f"c-{s.commitment.uuid}"
    response = client.post(url(s), {"item": key, f"{key}-choice": "hand_over",
                                     f"{key}-receiver": s.taker.slug, f"{key}-note": "Graag"})
    assert response.status_code == 302
    assert HandOver.objects.get(commitment=s.commitment).state == "pending"
    key = f"r-{s.role.uuid}"
    response = client.post(url(s), {"item": key, f"{key}-choice": "release"})
    assert response.status_code == 302
    s.role.refresh_from_db()
    assert s.role.ended_at is not None
    page = client.get(url(s), **EN).content.decode()
    assert "Waiting for an answer" in page and "Withdraw the request" in page
    pending = HandOver.objects.get(state="pending")
    assert client.post(url(s), {"action": "withdraw", "hand_over": pending.uuid}).status_code \
        == 302
    pending.refresh_from_db()
    assert pending.state == "withdrawn"


def test_hand_over_page_releases_a_commitment_saying_why(scene, client):
    s = scene()
    client.force_login(s.giver_admin)
    key = f"c-{s.commitment.uuid}"
    response = client.post(url(s), {"item": key, f"{key}-choice": "release"}, **EN)
    assert response.status_code == 422
    assert "Please fill in the reason." in response.content.decode()  # on the note
    assert Commitment.objects.get(pk=s.commitment.pk).state == "open"
    response = client.post(url(s), {"item": key, f"{key}-choice": "release",
                                     f"{key}-note": "Geen capaciteit meer."})
    assert response.status_code == 302
    released = Commitment.objects.get(pk=s.commitment.pk)
    assert released.state == "released" and released.closed_reason == "Geen capaciteit meer."
    assert HandOver.objects.get().state == "released"


def test_hand_over_page_bad_input_shows_errors_and_stores_nothing(scene, client):
    s = scene()
    client.force_login(s.giver_admin)
    key = f"c-{s.commitment.uuid}"
    response = client.post(url(s), {"item": key, f"{key}-choice": "hand_over"}, **EN)
    assert response.status_code == 422
    assert "Choose who takes it over." in response.content.decode()
    response = client.post(url(s), {"item": key, f"{key}-choice": "hand_over",
                                     f"{key}-receiver": "not-a-member"}, **EN)
    assert response.status_code == 422
    response = client.post(url(s), {"item": key, f"{key}-choice": "dance"}, **EN)
    assert response.status_code == 422
    assert client.post(url(s), {"item": "c-nothing"}).status_code == 404
    assert client.post(url(s), {"action": "withdraw", "hand_over": "x"}).status_code == 404
    assert not HandOver.objects.exists()


def test_hand_over_page_is_for_speakers(scene, client):
    s = scene()
    client.force_login(person_in(s.giver))
    assert client.get(url(s)).status_code == 403
    client.logout()
    assert client.get(url(s)).status_code == 302  # to sign in
    hidden = scene("members")
    client.force_login(admin_of(OrganisationFactory()))
    assert client.get(url(hidden)).status_code == 404
    assert client.get(f"/ecosystems/{hidden.ecosystem.slug}/welcome/").status_code == 404


def test_requests_page_accepts_and_declines(scene, client):
    s = scene()
    first = services.hand_over_request(actor=s.giving, commitment=s.commitment,
                                       to_organisation=s.taker)
    second = services.hand_over_request(actor=s.giving, role=s.role, to_person=s.taker_admin)
    client.force_login(s.taker_admin)
    page = client.get(url(s, "requests/"), **EN).content.decode()
    assert "asks you to take over 10 hours" in page
    assert "asks you to take over the role" in page
    response = client.post(url(s, "requests/"), {"hand_over": second.uuid, "action": "decline",
                                                 f"{second.uuid}-reason": ""}, **EN)
    assert response.status_code == 422
    response = client.post(url(s, "requests/"), {"hand_over": second.uuid, "action": "decline",
                                                 f"{second.uuid}-reason": "Geen tijd."})
    assert response.status_code == 302
    assert client.post(url(s, "requests/"), {"hand_over": first.uuid, "action": "accept"}
                       ).status_code == 302
    assert Commitment.objects.filter(organisation=s.taker, state="open").exists()
    assert WorkingGroupRole.objects.get(pk=s.role.pk).ended_at is None
    assert "No requests are waiting" in client.get(url(s, "requests/"), **EN).content.decode()
    assert client.post(url(s, "requests/"), {"hand_over": first.uuid, "action": "accept"}
                       ).status_code == 404


def test_requests_page_shows_nothing_to_a_non_speaker(scene, client):
    s = scene()
    services.hand_over_request(actor=s.giving, commitment=s.commitment, to_organisation=s.taker)
    client.force_login(person_in(s.taker))
    assert "No requests are waiting" in client.get(url(s, "requests/"), **EN).content.decode()


def test_welcome_page_for_members_and_the_way_to_join_for_others(scene, client):
    s = scene()
    joined(s.ecosystem, s.taker, days_ago=2)
    client.force_login(s.taker_admin)
    page = client.get(f"/ecosystems/{s.ecosystem.slug}/welcome/", **EN).content.decode()
    for text in ("Our shared goal", "Reciprocity", "Open working groups", "Circulaire inkoop",
                 "Recent decisions", "Organisations to meet", "First steps",
                 "Appoint a delegate"):
        assert text in page, text
    detail = client.get(f"/ecosystems/{s.ecosystem.slug}/", **EN).content.decode()
    assert "Welcome — start here" in detail
    assert f"/ecosystems/{s.ecosystem.slug}/welcome/" in detail
    client.force_login(admin_of(OrganisationFactory()))
    response = client.get(f"/ecosystems/{s.ecosystem.slug}/welcome/")
    assert response.status_code == 302 and response.url == f"/ecosystems/{s.ecosystem.slug}/"


def test_the_aside_panel_tells_of_waiting_requests_and_not_to_old_members(scene, client):
    s = scene()
    joined(s.ecosystem, s.taker, days_ago=200)
    client.force_login(s.taker_admin)
    detail = client.get(f"/ecosystems/{s.ecosystem.slug}/", **EN).content.decode()
    assert "Welcome — start here" not in detail
    services.hand_over_request(actor=s.giving, commitment=s.commitment, to_organisation=s.taker)
    detail = client.get(f"/ecosystems/{s.ecosystem.slug}/", **EN).content.decode()
    assert "1 request to take over a commitment or role waits for your answer." in detail


@pytest.mark.parametrize("rows", [5, 50])
def test_pages_run_a_fixed_number_of_queries(scene, client, rows,
                                             django_assert_max_num_queries):
    s = scene()
    for n in range(rows):
        other, admin = member_organisation(s.ecosystem)
        group = make_group(s.ecosystem, s.giver, s.giver_admin, name=f"Groep {n}")
        add_member(group, admin, other)
        give_role(group, s.giver_admin, s.giver)
        commitment = make_commitment(s.ecosystem, s.giver, s.giver_admin, group)
        HandOver.objects.create(ecosystem=s.ecosystem, from_organisation=s.giver,
                                to_organisation=s.taker, commitment=commitment,
                                state=HandOver.State.PENDING)
    client.force_login(s.giver_admin)
    with django_assert_max_num_queries(30):
        assert client.get(url(s)).status_code == 200
    # The welcome page's bound includes building the matchmaker's index on first use and the
    # panels other parts add to the sub-navigation.
    with django_assert_max_num_queries(60):
        assert client.get(f"/ecosystems/{s.ecosystem.slug}/welcome/").status_code == 200
    client.force_login(s.taker_admin)
    with django_assert_max_num_queries(30):
        assert client.get(url(s, "requests/")).status_code == 200
