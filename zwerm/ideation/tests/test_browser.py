"""A full challenge in the browser, with axe-core on every page: ideas → clusters → vote →
results → an initiative that reaches its commitment threshold."""

import pytest

from zwerm.ecosystems.tests.factories import MembershipFactory, admin_of, started_ecosystem
from zwerm.ideation.models import Ballot, Challenge, Initiative
from zwerm.organisations.tests.factories import OrganisationFactory

PASSWORD = "correct horse battery"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(ui, email):
    ui.page.context.clear_cookies()
    ui.goto("/accounts/login/")
    ui.page.fill("#id_login", email)
    ui.page.fill("#id_password", PASSWORD)
    ui.submit("Inloggen")


def move_to(ui, challenge, phase_label):
    ui.goto(f"/challenges/{challenge.slug}/")
    ui.page.select_option("#id_phase", label=phase_label)
    ui.submit("Uitdaging verplaatsen")
    assert ui.page.locator(".message-success").is_visible()


def test_full_challenge(ui):
    ecosystem, facilitator, _home = started_ecosystem(name="Haven Noord")
    facilitator.email = "fien@example.org"
    facilitator.save(update_fields=["email"])
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=facilitator).update(email="fien@example.org")
    members = []
    for number, name in enumerate(["Bouwkring", "Gemeente Houten", "Warmtebedrijf"]):
        organisation = OrganisationFactory(name=name)
        admin_of(organisation, email=f"admin{number}@example.org")
        MembershipFactory(ecosystem=ecosystem, organisation=organisation)
        members.append(f"admin{number}@example.org")

    # The facilitator starts the challenge.
    sign_in(ui, "fien@example.org")
    ui.goto("/challenges/new/")
    ui.page.fill("#id_question", "Hoe maken we de haven energieneutraal?")
    ui.page.fill("#id_context", "De haven verbruikt **veel** energie.")
    ui.page.select_option("#id_ecosystem", label="Haven Noord")
    ui.page.select_option("#id_method", "dot")
    ui.page.fill("#id_dots", "3")
    ui.page.fill("#id_commitment_threshold", "2")
    ui.submit("Start de uitdaging")
    challenge = Challenge.objects.get()
    assert ui.page.locator("h1").inner_text() == challenge.question

    # Members add ideas.
    ideas = {
        members[0]: [("Restwarmte naar de wijk", "Restwarmte van de fabriek naar woningen."),
                     ("Zonnepanelen op loodsen", "Zonnepanelen op de daken van de loodsen.")],
        members[1]: [("Warmtenet met restwarmte", "Een warmtenet gevoed met restwarmte."),
                     ("Zonnedaken collectief", "Collectieve zonnepanelen op bedrijfsdaken.")],
    }
    for email, pairs in ideas.items():
        sign_in(ui, email)
        for title, text in pairs:
            ui.goto(f"/challenges/{challenge.slug}/ideas/new/")
            ui.page.fill("#id_title", title)
            ui.page.fill("#id_description", text)
            ui.page.fill("#id_tags", "energie")
            ui.submit("Voeg het idee toe")
            assert ui.page.locator("h1").inner_text() == title
    ui.page.fill("#id_body", "Goed plan, wij doen mee.")
    ui.submit("Opmerking plaatsen")
    assert ui.page.get_by_text("Goed plan, wij doen mee.").is_visible()

    # The facilitator clusters with the assistant: accepts one proposal, rejects the other.
    sign_in(ui, "fien@example.org")
    move_to(ui, challenge, "Aanscherpen en clusteren")
    ui.goto(f"/challenges/{challenge.slug}/clusters/")
    ui.submit("Clusters voorstellen")
    proposals = ui.page.locator("article form")
    assert proposals.count() == 2
    proposals.first.locator("input[name=name]").fill("Restwarmte")
    proposals.first.get_by_role("button", name="Aanvaarden").click()
    ui.settle()
    ui.page.locator("article form").first.get_by_role("button", name="Afwijzen").click()
    ui.settle()
    assert ui.page.get_by_role("heading", name="Afgewezen voorstellen").is_visible()
    assert ui.page.get_by_text("Voorgesteld door de assistent, bewerkt en aanvaard").is_visible()

    # The vote: three organisations hand out their dots.
    move_to(ui, challenge, "Stemmen")
    by_title = {idea.title: idea for idea in challenge.ideas.all()}
    favourite = by_title["Warmtenet met restwarmte"]
    for email in members:
        sign_in(ui, email)
        ui.goto(f"/challenges/{challenge.slug}/vote/")
        ui.page.fill(f"#id_o-{favourite.uuid}", "2")
        ui.page.fill(f"#id_o-{by_title['Zonnedaken collectief'].uuid}", "1")
        ui.submit("Mijn stem uitbrengen")
        assert ui.page.locator(".token-value").is_visible()
    assert Ballot.objects.count() == 3

    # Results: a chart, the tie-break rule and the export.
    sign_in(ui, "fien@example.org")
    move_to(ui, challenge, "Selecteren en toezeggen")
    ui.goto(f"/challenges/{challenge.slug}/results/")
    assert ui.page.locator("svg .chart-bar").count() == 4
    first_row = ui.page.locator("tbody tr").first
    assert "Warmtenet met restwarmte" in first_row.inner_text()
    assert ui.page.get_by_role("heading", name="Zo wordt een gelijke stand beslist").is_visible()
    assert ui.page.get_by_role("link", name="Stembiljetten downloaden (JSON)").is_visible()

    # Selection and commitment: the initiative starts at two organisations.
    ui.goto(f"/challenges/{challenge.slug}/initiatives/")
    ui.page.select_option("#id_source", f"idea:{favourite.uuid}")
    ui.submit("Selecteren")
    assert ui.page.get_by_text("0 van 2 organisaties hebben toegezegd").is_visible()
    for email, text in ((members[0], "Twee engineers, een dag per week."),
                        (members[2], "De warmtebron en de leidingen.")):
        sign_in(ui, email)
        ui.goto(f"/challenges/{challenge.slug}/initiatives/")
        ui.page.locator("textarea[name=text]").fill(text)
        ui.submit("Toezeggen namens onze organisatie")
    assert ui.page.locator(".pill-active", has_text="Gestart").is_visible()
    initiative = Initiative.objects.get()
    assert initiative.is_started and initiative.commitments.count() == 2
