"""The ledger's main flow in the browser, with axe-core on every page: commit 10 hours to
a deliverable, record 4 hours for it (4 / 10), the receiving organisation acknowledges,
and the balances show 4 hours given and taken."""

import pytest

from zwerm.collaboration.models import Commitment, Contribution
from zwerm.collaboration.tests.ledger.helpers import in_days, scene
from zwerm.core.testing.fixtures import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_commit_deliver_acknowledge_and_balance(ui):
    s = scene()
    slug = s.ecosystem.slug

    # The giving organisation commits 10 hours to the deliverable, from its page's link.
    sign_in(ui, s.giver_person.email)
    ui.goto(f"/ecosystems/{slug}/commitments/new/?deliverable={s.deliverable.uuid}")
    ui.page.select_option("#id_type", "hours")
    ui.page.fill("#id_quantity", "10")
    ui.page.fill("#id_due_on", in_days(14).isoformat())
    ui.page.fill("#id_description", "Twee adviseurs voor de warmtekaart")
    ui.submit("Toezeggen namens onze organisatie")
    commitment = Commitment.objects.get()
    assert commitment.deliverable == s.deliverable
    assert ui.page.get_by_text("0 / 10 uur geleverd").is_visible()

    # It records 4 hours for the commitment.
    ui.page.get_by_role("link", name="Leg er een bijdrage voor vast").click()
    ui.settle()
    ui.page.select_option("#id_type", "hours")
    ui.page.fill("#id_quantity", "4")
    ui.page.fill("#id_description", "Eerste werksessie")
    ui.submit("Leg de bijdrage vast")
    entry = Contribution.objects.get()
    assert entry.commitment == commitment and entry.deliverable == s.deliverable
    assert ui.page.get_by_text("Nog niet bevestigd").first.is_visible()
    ui.goto(f"/ecosystems/{slug}/commitments/{commitment.uuid}/")
    assert ui.page.get_by_text("4 / 10 uur geleverd").is_visible()

    # The deliverable's owner sees it waiting and acknowledges it.
    sign_in(ui, s.receiver_person.email)
    ui.goto(f"/ecosystems/{slug}/ledger/waiting/")
    ui.page.get_by_role("link", name="Eerste werksessie").click()
    ui.settle()
    ui.submit("Ontvangst bevestigen")
    assert ui.page.locator(".message-success").is_visible()
    entry.refresh_from_db()
    assert entry.acknowledged_for == s.receiver

    # The balances show 4 hours given by one and taken by the other.
    ui.goto(f"/ecosystems/{slug}/ledger/balances/")
    table = ui.page.get_by_role("table", name="Per organisatie")
    giver_row = table.get_by_role("row").filter(has_text="Bouwkring")
    taker_row = table.get_by_role("row").filter(has_text="Gemeente Houten")
    assert giver_row.get_by_role("cell").nth(2).inner_text() == "4"  # given, acknowledged
    assert taker_row.get_by_role("cell").nth(4).inner_text() == "4"  # taken, acknowledged
