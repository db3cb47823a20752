"""Operators read logs, checkpoints and witness keys in the admin, and change nothing there."""

from __future__ import annotations

from zwerm.accounts.tests.factories import UserFactory
from zwerm.transparency import checkpoints, services
from zwerm.transparency.models import Salt


def test_an_operator_reads_a_checkpoint_and_cannot_change_it(world, client):
    world.record(n=2)
    services.sequence_all()
    checkpoint = checkpoints.checkpoint_sign(services.log_for(world.ecosystem.uuid))
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = f"/admin/transparency/checkpoint/{checkpoint.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and checkpoint.log.origin in page.content.decode()
    assert b'name="_save"' not in page.content
    assert client.post(url, {"size": 99}).status_code == 403
    assert client.get("/admin/transparency/salt/").status_code == 404
    assert Salt.objects.exists()
