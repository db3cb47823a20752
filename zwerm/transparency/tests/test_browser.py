"""Browser journey: from the ecosystem page to the log, an entry and its proof (axe on each)."""

from __future__ import annotations

import pytest

from zwerm.transparency import checkpoints, services
from zwerm.transparency.tests.conftest import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_the_ecosystem_to_a_verified_entry(ui):
    world = World()
    world.record(n=3)  # committed: sequenced after commit
    checkpoints.checkpoint_sign(services.log_for(world.ecosystem.uuid))
    ui.goto(f"/ecosystems/{world.ecosystem.slug}/")
    panel = ui.page.locator(".translog-panel")
    assert "bevat 3 regels" in panel.inner_text()  # Dutch, the default language
    ui.click(".translog-panel a")
    assert ui.page.url.endswith(f"/ecosystems/{world.ecosystem.uuid}/log/")
    assert str(world.ecosystem.uuid) in ui.page.locator(".translog-command").inner_text()
    rows = ui.page.locator(".translog-entries tbody tr")
    assert rows.count() == 3
    ui.click(".translog-entries tbody tr:last-child a")
    assert ui.page.url.endswith("/log/entries/0/")
    assert ui.page.locator(".pill-active").count() == 1  # the proof checked out
    assert ui.page.locator(".translog-proof li").count() == 2


def test_an_admin_registers_and_revokes_a_witness_key(ui):
    from zwerm.transparency import notes
    from zwerm.transparency.models import WitnessKey

    world = World()
    ui.page.context.clear_cookies()
    ui.goto("/accounts/login/")
    ui.page.fill("#id_login", world.admin.email)
    ui.page.fill("#id_password", "correct horse battery")
    ui.submit("Inloggen")
    ui.goto(f"/ecosystems/{world.ecosystem.uuid}/log/")
    ui.click("a[href='/transparency/witness-keys/']")
    vkey = notes.verifier_for("witness.example/ui", b"\x0b" * 32, notes.COSIGNATURE).vkey
    ui.page.fill("#id_vkey", vkey)
    ui.submit("Registreren")
    assert WitnessKey.objects.get().vkey == vkey
    assert vkey in ui.page.locator("main").inner_text()
    ui.submit("witness.example/ui intrekken")
    assert WitnessKey.objects.get().revoked_at is not None
    assert ui.page.locator(".pill-danger").count() == 1
