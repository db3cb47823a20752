"""The ecosystem page shows the log's panel: link, latest checkpoint and its witnesses."""

from __future__ import annotations

import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.test import RequestFactory

from zwerm.core.actor import Actor
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import OrganisationFactory, person_in
from zwerm.transparency import checkpoints, notes, services
from zwerm.transparency.panels import ecosystem_log_panel
from zwerm.transparency.tests.conftest import World


def _signed(world: World, n: int = 3):
    world.record(n=n)
    services.sequence_all()
    log = services.log_for(world.ecosystem.uuid)
    return log, checkpoints.checkpoint_sign(log)


def witness(log, checkpoint, organisation=None):
    """A witness organisation registers a key and cosigns the checkpoint, through services."""
    organisation = organisation or OrganisationFactory()
    admin = person_in(organisation, role=OrganisationMember.Role.ADMIN)
    actor = Actor(person=admin, organisation=organisation)
    key = Ed25519PrivateKey.generate()
    name = f"witness.example/{organisation.slug}"
    public = key.public_key().public_bytes_raw()
    services.witness_key_register(
        actor=actor, vkey=notes.verifier_for(name, public, notes.COSIGNATURE).vkey
    )
    text, _signatures = notes.split_note(checkpoint.note)
    line = notes.cosignature_line(text, name, key, int(time.time()))
    services.cosignature_add(actor=actor, log=log, size=checkpoint.size, line=line)
    return organisation


def test_the_ecosystem_page_shows_the_log_checkpoint_and_witnesses(world, client):
    log, checkpoint = _signed(world, 3)
    organisation = witness(log, checkpoint)
    page = client.get(f"/ecosystems/{world.ecosystem.slug}/", HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert f'href="/ecosystems/{world.ecosystem.uuid}/log/"' in html
    assert "The latest signed checkpoint holds 3 entries." in html
    panel = html.split('id="translog-panel-title"')[1]
    assert organisation.name in panel


def test_the_panel_without_a_checkpoint_still_links_the_log(world, client):
    page = client.get(f"/ecosystems/{world.ecosystem.slug}/", HTTP_ACCEPT_LANGUAGE="en")
    assert b"No checkpoint has been signed yet." in page.content
    assert f"/ecosystems/{world.ecosystem.uuid}/log/".encode() in page.content


def test_the_panel_hides_a_members_only_log_from_outsiders(private_world):
    log, checkpoint = _signed(private_world, 2)
    witness(log, checkpoint)
    request = RequestFactory().get("/")
    request.user = person_in(OrganisationFactory())
    assert ecosystem_log_panel(request, private_world.ecosystem) is None
    request.user = private_world.admin
    assert ecosystem_log_panel(request, private_world.ecosystem)["summary"].checkpoint.size == 2


@pytest.mark.parametrize("visibility,queries", [("public", 2), ("members", 4)])
@pytest.mark.parametrize("witnesses", [1, 6])
def test_the_panel_runs_a_fixed_number_of_queries(
    db, witnesses, visibility, queries, django_assert_num_queries
):
    world = World(visibility=visibility)
    log, checkpoint = _signed(world, 4)
    for _ in range(witnesses):
        witness(log, checkpoint)
    request = RequestFactory().get("/")
    request.user = world.admin
    with django_assert_num_queries(queries):
        summary = ecosystem_log_panel(request, world.ecosystem)["summary"]
        assert len(summary.witnesses) == witnesses
