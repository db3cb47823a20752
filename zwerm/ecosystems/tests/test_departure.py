"""The kernel's departure hooks: the leave and pause pages list what an organisation still
holds, and apps' handlers run inside the leave and pause transactions."""

import pytest

from zwerm.core.errors import Conflict
from zwerm.ecosystems import hooks
from zwerm.ecosystems.hooks import Obligation
from zwerm.ecosystems.models import Membership
from zwerm.ecosystems.services import membership_leave, membership_pause
from zwerm.ecosystems.tests.factories import (
    EcosystemFactory,
    actor,
    member_organisation,
)
from zwerm.organisations.tests.factories import person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered():
    """Temporary provider and handler that record their calls."""
    calls = []

    def provider(*, membership):
        return [Obligation(label="Tien uur voor de inkoopgids", kind="commitment",
                           handle_url="/somewhere/", handle_label="Overdragen")]

    def handler(*, actor, membership, action):
        calls.append((action, Membership.objects.get(pk=membership.pk).state))

    hooks.register_open_obligations(provider)
    hooks.register_departure(handler)
    yield calls
    hooks.unregister(provider)
    hooks.unregister(handler)


def test_leave_runs_the_handlers_before_the_state_changes(registered):
    ecosystem = EcosystemFactory()
    organisation, admin = member_organisation(ecosystem)
    membership = Membership.objects.get(organisation=organisation)
    membership_leave(actor=actor(admin, organisation), membership=membership, reason="Klaar.")
    assert registered == [("leave", "active")]
    membership.refresh_from_db()
    assert membership.state == "left"


def test_pause_runs_the_handlers_after_the_state_changed(registered):
    ecosystem = EcosystemFactory()
    organisation, admin = member_organisation(ecosystem)
    membership = Membership.objects.get(organisation=organisation)
    membership_pause(actor=actor(admin, organisation), membership=membership)
    assert registered == [("pause", "paused")]


def test_withdrawing_a_request_runs_no_departure(registered):
    ecosystem = EcosystemFactory()
    organisation, admin = member_organisation(ecosystem, state="requested")
    membership = Membership.objects.get(organisation=organisation)
    membership_leave(actor=actor(admin, organisation), membership=membership, reason="Toch niet.")
    assert registered == []


def test_a_handler_that_refuses_stops_the_leave():
    ecosystem = EcosystemFactory()
    organisation, admin = member_organisation(ecosystem)
    membership = Membership.objects.get(organisation=organisation)

    def refuse(*, actor, membership, action):
        raise Conflict("Nee.")

    hooks.register_departure(refuse)
    try:
        with pytest.raises(Conflict):
            membership_leave(actor=actor(admin, organisation), membership=membership,
                             reason="Klaar.")
    finally:
        hooks.unregister(refuse)
    membership.refresh_from_db()
    assert membership.state == "active"


def test_the_leave_page_lists_obligations_for_speakers_only(registered, client):
    ecosystem = EcosystemFactory()
    organisation, admin = member_organisation(ecosystem)
    client.force_login(admin)
    page = client.get(f"/ecosystems/{ecosystem.slug}/membership/leave/").content.decode()
    assert "Tien uur voor de inkoopgids" in page
    assert 'href="/somewhere/"' in page
    client.force_login(person_in(organisation))
    page = client.get(f"/ecosystems/{ecosystem.slug}/membership/leave/").content.decode()
    assert "Tien uur voor de inkoopgids" not in page
    client.force_login(admin)
    page = client.get(f"/ecosystems/{ecosystem.slug}/membership/resume/").content.decode()
    assert "Tien uur voor de inkoopgids" not in page


def test_leaving_stays_possible_with_open_obligations(registered, client):
    ecosystem = EcosystemFactory()
    organisation, admin = member_organisation(ecosystem)
    client.force_login(admin)
    response = client.post(f"/ecosystems/{ecosystem.slug}/membership/leave/",
                           {"reason": "Het project is klaar."})
    assert response.status_code == 302
    assert Membership.objects.get(organisation=organisation).state == "left"
