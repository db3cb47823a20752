"""The witness key page: admins register and revoke; colleagues and strangers cannot."""

from __future__ import annotations

import pytest

from zwerm.organisations.tests.factories import OrganisationFactory, person_in
from zwerm.transparency import notes
from zwerm.transparency.models import WitnessKey

PAGE = "/transparency/witness-keys/"


def _vkey(name="witness.example/page", byte=b"\x09"):
    return notes.verifier_for(name, byte * 32, notes.COSIGNATURE).vkey


def test_an_admin_registers_and_revokes_a_key_through_the_page(world, client):
    client.force_login(world.admin)
    assert client.get(PAGE).status_code == 200
    response = client.post(PAGE, {"vkey": _vkey()})
    assert response.status_code == 302
    key = WitnessKey.objects.get()
    assert key.organisation == world.organisation
    page = client.get(PAGE).content.decode()  # a signed-in person's language: Dutch here
    assert key.vkey in page and "witness.example/page intrekken" in page
    assert client.post(f"{PAGE}{key.uuid}/revoke/").status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None
    again = client.post(f"{PAGE}{key.uuid}/revoke/", follow=True)
    assert "Deze getuigensleutel is al ingetrokken." in again.content.decode()


def test_the_page_shows_service_errors_on_the_field(world, client):
    client.force_login(world.admin)
    response = client.post(PAGE, {"vkey": "not a key"})
    assert response.status_code == 200
    assert "Dit is geen geldige verificatiesleutel" in response.content.decode()
    response = client.post(PAGE, {"vkey": notes.verifier_for("x.example/l", b"\x01" * 32).vkey})
    assert "moet een medeondertekeningssleutel zijn" in response.content.decode()
    assert not WitnessKey.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "colleague", "stranger"])
def test_others_cannot_register_or_revoke(world, client, who):
    client.force_login(world.admin)
    client.post(PAGE, {"vkey": _vkey()})
    key = WitnessKey.objects.get()
    client.logout()
    if who == "colleague":
        client.force_login(person_in(world.organisation))
    elif who == "stranger":
        client.force_login(person_in(OrganisationFactory()))
    listing = client.get(PAGE)
    if who == "anonymous":
        assert listing.status_code == 302
    else:
        assert listing.status_code == 200
        assert (key.vkey.encode() in listing.content) is (who == "colleague")
    assert client.post(PAGE, {"vkey": _vkey("w.example/2", b"\x0a")}).status_code in (302, 403)
    client.post(f"{PAGE}{key.uuid}/revoke/")
    assert WitnessKey.objects.count() == 1
    key.refresh_from_db()
    assert key.revoked_at is None


@pytest.mark.parametrize("n", [2, 20])
def test_the_page_runs_a_fixed_number_of_queries(world, client, n, django_assert_max_num_queries):
    for i in range(n):
        WitnessKey.objects.create(organisation=world.organisation, name=f"w.example/{i}",
                                  key_id=b"abcd", public_key=b"\x00" * 32, vkey=f"v{i}")
    client.force_login(world.admin)
    with django_assert_max_num_queries(12):
        assert client.get(PAGE).status_code == 200
