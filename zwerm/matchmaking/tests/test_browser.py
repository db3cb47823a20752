"""Browser journey: an organisation asks for an introduction from a suggestion, the other
accepts, and both see the connection; axe-core checks every page."""

import pytest

from zwerm.ecosystems.models import Role
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory, RoleFactory
from zwerm.matchmaking.models import Connection, Introduction
from zwerm.matchmaking.tests.factories import organisation_with
from zwerm.organisations.tests.factories import admin_of, person_in

PASSWORD = "correct horse battery"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(ui, email, password=PASSWORD):
    ui.page.context.clear_cookies()
    ui.goto("/accounts/login/")
    ui.page.fill("#id_login", email)
    ui.page.fill("#id_password", password)
    ui.submit("Inloggen")


def test_request_an_introduction_from_a_suggestion_and_accept_it(ui, indexed):
    municipality = organisation_with(
        "government", name="Gemeente Zwolle", seeks=["Koppeling met overheidsdata"]
    )
    company = organisation_with(
        "company", name="Integrations Ltd", offers=["Integration of government data via APIs"]
    )
    person_in(municipality, email="mia@example.org", name="Mia Gemeente")
    admin_of(company, email="ian@example.org", name="Ian Integrator", language="en")
    indexed()

    # The municipality sees why the company is suggested, and asks to meet.
    sign_in(ui, "mia@example.org")
    ui.goto("/matchmaking/")
    card = ui.page.locator(".match-card", has_text="Integrations Ltd")
    assert "Koppeling met overheidsdata" in card.inner_text()
    assert card.locator(".match-reason-offer_answers_need").is_visible()
    card.locator("a.button").click()
    ui.settle()
    ui.page.fill("#id_message", "Wij willen onze data via jullie API ontsluiten.")
    ui.submit("Verzoek om kennismaking versturen")
    assert ui.page.locator(".message-success").is_visible()
    introduction = Introduction.objects.get()
    assert introduction.state == Introduction.State.PENDING

    # The company's administrator reads the request and accepts it.
    sign_in(ui, "ian@example.org")
    ui.goto("/notifications/")
    ui.goto("/matchmaking/introductions/")
    assert "Wij willen onze data via jullie API ontsluiten." in ui.page.content()
    ui.page.get_by_role("link", name="Answer Gemeente Zwolle").click()
    ui.settle()
    ui.page.fill("#id_reply", "Graag, we bellen je deze week.")
    ui.submit("Accept and connect")
    assert ui.page.locator(".message-success").is_visible()
    introduction.refresh_from_db()
    assert introduction.state == Introduction.State.ACCEPTED
    assert Connection.objects.count() == 1
    ui.goto("/matchmaking/connections/")
    assert ui.page.get_by_role("link", name="Gemeente Zwolle").is_visible()

    # Back at the municipality: connected, and no longer suggested.
    sign_in(ui, "mia@example.org")
    ui.goto("/matchmaking/connections/")
    assert ui.page.get_by_role("link", name="Integrations Ltd").is_visible()
    ui.goto("/matchmaking/")
    assert ui.page.locator(".match-card").count() == 0


def test_dismiss_a_suggestion_and_see_who_should_join(ui, indexed):
    ecosystem = EcosystemFactory(name="Glasvezel Buitengebied")
    coop = organisation_with("nonprofit", name="Glasvezel Coöperatie",
                             seeks=["Vergunningen voor graafwerk"])
    MembershipFactory(ecosystem=ecosystem, organisation=coop)
    organisation_with("government", name="Gemeente Westerkwartier",
                      offers=["Permits for digging and cables"])
    facilitator = person_in(coop, email="fenna@example.org", name="Fenna")
    RoleFactory(ecosystem=ecosystem, organisation=coop, person=facilitator,
                name=Role.Name.FACILITATOR)
    indexed()

    sign_in(ui, "fenna@example.org")
    ui.goto(f"/matchmaking/ecosystems/{ecosystem.slug}/")
    card = ui.page.locator(".match-card", has_text="Gemeente Westerkwartier")
    assert "Vergunningen voor graafwerk" in card.inner_text()

    ui.goto("/matchmaking/")
    ui.page.get_by_role("button", name="Niet geïnteresseerd Gemeente Westerkwartier").click()
    ui.settle()
    assert ui.page.locator(".match-card").count() == 0
    ui.submit("Weer tonen Gemeente Westerkwartier")
    assert ui.page.locator(".match-card").count() == 1
