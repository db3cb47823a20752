"""The HTML pages: forms call the services, domain errors show as form errors, queries bounded."""

import pytest
from django.core import mail

from zwerm.ecosystems.models import Ecosystem, EcosystemInvitation, Membership, Role
from zwerm.ecosystems.tests.factories import (
    EcosystemFactory,
    MembershipFactory,
    admin_of,
    member_organisation,
    started_ecosystem,
)
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def test_create_page_starts_an_ecosystem(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    response = client.post("/ecosystems/new/", {
        "name": "Warmtenet", "goal": "Samen warmte delen.", "themes": "Energie, Warmte",
        "visibility": "public", "join_policy": "open", "slug": "",
    })
    assert response.status_code == 302
    ecosystem = Ecosystem.objects.get(slug="warmtenet")
    assert response["Location"] == f"/ecosystems/{ecosystem.slug}/"
    page = client.get(response["Location"]).content.decode()
    assert "Warmtenet" in page and organisation.name in page


def test_create_page_shows_domain_errors_on_the_field(client):
    started_ecosystem(name="Warmtenet")
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    response = client.post("/ecosystems/new/", {
        "name": "Ander", "goal": "Doel", "visibility": "public", "join_policy": "open",
        "slug": "warmtenet",
    })
    assert response.status_code == 200
    assert response.context["form"].errors["slug"]


def test_create_page_explains_when_there_is_no_organisation(client):
    client.force_login(person_in(OrganisationFactory(), language="en").__class__.objects.create(
        email="alone@example.org"))
    response = client.get("/ecosystems/new/")
    assert response.status_code == 403


def test_list_search_and_theme_filter(client):
    water = EcosystemFactory(name="Schoon water")
    water.themes.create(name="Water", slug="water")
    EcosystemFactory(name="Energie")
    content = client.get("/ecosystems/", {"q": "water"}).content.decode()
    assert "Schoon water" in content and "Energie" not in content
    content = client.get("/ecosystems/", {"theme": "water"}).content.decode()
    assert "Schoon water" in content and "Energie" not in content
    assert client.get("/ecosystems/", {"theme": "<script>"}).status_code == 200


def test_join_request_and_accept_through_pages(client):
    ecosystem, facilitator, home = started_ecosystem()
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    client.force_login(admin)
    response = client.post(f"/ecosystems/{ecosystem.slug}/join/",
                           {"kind": "member", "reason": "Wij willen meedoen."})
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=organisation)
    assert membership.state == "requested"
    client.force_login(facilitator)
    page = client.get(f"/ecosystems/{ecosystem.slug}/manage/").content.decode()
    assert "Wij willen meedoen." in page
    response = client.post(f"/ecosystems/{ecosystem.slug}/manage/",
                           {"action": "decline", "membership": membership.uuid, "reason": ""})
    assert response.status_code == 200
    assert response.context["decision_form"].errors
    response = client.post(f"/ecosystems/{ecosystem.slug}/manage/",
                           {"action": "accept", "membership": membership.uuid, "reason": ""})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.state == "active"


def test_invite_accept_pause_resume_leave_through_pages(client, django_capture_on_commit_callbacks):
    ecosystem, facilitator, home = started_ecosystem()
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ecosystems/{ecosystem.slug}/manage/", {
            "action": "invite", "email": "gast@example.org", "organisation": "", "kind": "member",
            "message": "",
        })
    assert response.status_code == 302
    invitation = EcosystemInvitation.objects.get()
    assert str(invitation.uuid) in mail.outbox[-1].body
    response = client.post(f"/ecosystems/{ecosystem.slug}/manage/", {
        "action": "invite", "email": "x@example.org", "organisation": "bestaat-niet",
        "kind": "member",
    })
    assert response.context["invite_form"].errors["organisation"]

    client.logout()
    assert b"Create an account" in client.get(
        f"/ecosystems/invitations/{invitation.uuid}/", HTTP_ACCEPT_LANGUAGE="en").content
    guest_org = OrganisationFactory()
    guest = admin_of(guest_org)
    client.force_login(guest)
    response = client.post(f"/ecosystems/invitations/{invitation.uuid}/",
                           {"answer": "accept", "organisation": str(guest_org.uuid)})
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=guest_org)
    assert membership.state == "active"
    assert Role.objects.get(organisation=guest_org, name="delegate").person == guest

    base = f"/ecosystems/{ecosystem.slug}/membership"
    assert client.post(f"{base}/pause/", {"reason": ""}).status_code == 302
    membership.refresh_from_db()
    assert membership.state == "paused"
    response = client.post(f"{base}/resume/")
    assert response.status_code == 302, response.context["form"].errors
    response = client.post(f"{base}/leave/", {"reason": ""})
    assert response.status_code == 200 and response.context["form"].errors["reason"]
    assert client.post(f"{base}/leave/", {"reason": "Klaar"}).status_code == 302
    membership.refresh_from_db()
    assert membership.state == "left"
    assert client.get(f"{base}/dance/").status_code == 404
    # Reasons are for members: the organisation that left no longer reads them, members do.
    assert "Klaar" not in client.get(f"/ecosystems/{ecosystem.slug}/history/").content.decode()
    client.force_login(facilitator)
    assert "Klaar" in client.get(f"/ecosystems/{ecosystem.slug}/history/").content.decode()


def test_last_facilitator_leaving_gets_a_form_error_not_a_500(client):
    ecosystem, facilitator, home = started_ecosystem()
    client.force_login(facilitator)
    response = client.post(f"/ecosystems/{ecosystem.slug}/membership/leave/", {"reason": "Weg"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_delegate_page_for_organisation_admins(client):
    ecosystem, *_ = started_ecosystem()
    organisation, admin = member_organisation(ecosystem)
    colleague = person_in(organisation)
    client.force_login(colleague)
    assert client.get(f"/ecosystems/{ecosystem.slug}/delegate/").status_code == 403
    client.force_login(admin)
    response = client.post(f"/ecosystems/{ecosystem.slug}/delegate/",
                           {"person": str(colleague.uuid)})
    assert response.status_code == 302
    assert Role.objects.get(organisation=organisation, name="delegate",
                            ended_at__isnull=True).person == colleague


def test_dashboard_shows_memberships_invitations_and_requests(client):
    ecosystem, facilitator, home = started_ecosystem()
    requester = OrganisationFactory(name="Bouwbedrijf Zwaluw")
    MembershipFactory(ecosystem=ecosystem, organisation=requester, state="requested")
    EcosystemInvitation.objects.create(
        ecosystem=EcosystemFactory(name="Deur tot deur"), email=facilitator.email,
        expires_at="2999-01-01T00:00:00Z",
    )
    client.force_login(facilitator)
    content = client.get("/dashboard/").content.decode()
    assert ecosystem.name in content
    assert "Bouwbedrijf Zwaluw" in content
    assert "Deur tot deur" in content


@pytest.mark.parametrize("rows", [5, 50])
def test_pages_run_a_fixed_number_of_queries(client, django_assert_max_num_queries, rows):
    ecosystem, facilitator, home = started_ecosystem()
    for n in range(rows):
        other = EcosystemFactory()
        other.themes.create(name=f"Thema {n}", slug=f"thema-{n}")
        organisation, admin = member_organisation(ecosystem)
        Role.objects.create(ecosystem=ecosystem, organisation=organisation, person=admin,
                            name="delegate")
    client.force_login(facilitator)
    with django_assert_max_num_queries(12):
        assert client.get("/ecosystems/").status_code == 200
    # The bounds include the panels feature apps add (log, suggestions, navigation, working
    # groups, deliverables, decisions, the welcome box); the person's organisations are
    # asked once per page (``zwerm.core.request_cache``).
    with django_assert_max_num_queries(28):
        assert client.get(f"/ecosystems/{ecosystem.slug}/").status_code == 200
    with django_assert_max_num_queries(18):
        assert client.get(f"/ecosystems/{ecosystem.slug}/manage/").status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get("/").status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get("/dashboard/").status_code == 200
