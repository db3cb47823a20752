import pytest
from django.core import mail

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.models import Activity
from zwerm.core.privacy import erasure_blockers, export_sections
from zwerm.organisations.models import Organisation, OrganisationMember
from zwerm.organisations.tests.conftest import image_upload
from zwerm.organisations.tests.factories import (
    InvitationFactory,
    OrganisationFactory,
    ProfileEntryFactory,
    ThemeFactory,
    admin_of,
    person_in,
)

pytestmark = pytest.mark.django_db


def make_directory(count):
    theme = ThemeFactory()
    for organisation in OrganisationFactory.create_batch(count):
        organisation.themes.add(theme)
        ProfileEntryFactory(organisation=organisation)


@pytest.mark.parametrize("count", [5, 50])
def test_directory_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries,
                                                       count):
    make_directory(count)
    with django_assert_max_num_queries(6):
        response = client.get("/organisations/", {"q": "organisatie", "kind": "company"})
    assert response.status_code == 200
    assert response.content.count(b'class="card organisation-card"') == min(count, 20)


@pytest.mark.parametrize("count", [5, 50])
def test_directory_endpoint_runs_a_fixed_number_of_queries(api, django_assert_max_num_queries,
                                                           count):
    make_directory(count)
    with django_assert_max_num_queries(3):
        body = api.get("organisations", {"q": "aanbod", "limit": 100}).json()
    assert body["count"] == count


def test_directory_shows_filter_errors_instead_of_failing(client):
    OrganisationFactory(name="Zichtbaar")
    response = client.get("/organisations/", {"kind": "castle", "page": "x"})
    assert response.status_code == 200
    assert b"Zichtbaar" in response.content


def test_profile_page_shows_profile_people_and_activity_and_sanitises_markdown(client):
    organisation = OrganisationFactory(description="**Vet** <script>alert(1)</script>")
    ProfileEntryFactory(organisation=organisation, kind="seek", title="Restmateriaal")
    person_in(organisation, name="Geheime Naam", email="geheim@example.org")
    response = client.get(f"/organisations/{organisation.slug}/")
    content = response.content.decode()
    assert "<strong>Vet</strong>" in content and "<script>alert" not in content
    assert "Restmateriaal" in content
    assert "Geheime Naam" not in content and "geheim@example.org" not in content


def test_merged_profile_redirects_to_the_target(client):
    target = OrganisationFactory()
    source = OrganisationFactory(merged_into=target)
    response = client.get(f"/organisations/{source.slug}/")
    assert response.status_code == 301 and response.url == f"/organisations/{target.slug}/"


def test_create_page(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post("/organisations/new/", {
        "name": "Provincie Utrecht", "kind": "government", "themes": "Water, Energie",
        "logo": image_upload(), "kvk_number": "", "oin": "00000001234567890123",
    })
    organisation = Organisation.objects.get(name="Provincie Utrecht")
    assert response.url == f"/organisations/{organisation.slug}/offers-and-seeks/"
    assert organisation.logo and organisation.oin == "00000001234567890123"


def test_create_page_shows_service_errors_on_fields(client):
    OrganisationFactory(kvk_number="12345678")
    client.force_login(UserFactory())
    response = client.post("/organisations/new/", {
        "name": "X", "kind": "company", "kvk_number": "12345678",
        "logo": image_upload("GIF", "x.gif"),
    })
    assert response.status_code == 200
    form = response.context["form"]
    assert "logo" in form.errors or "kvk_number" in form.errors


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 302), ("outsider", 403), ("member", 403), ("admin", 200),
                        ("operator", 200)],
)
def test_edit_pages_permission_matrix(client, who, status):
    organisation = OrganisationFactory()
    people = {
        "outsider": UserFactory, "member": lambda: person_in(organisation),
        "admin": lambda: admin_of(organisation), "operator": lambda: UserFactory(is_staff=True),
    }
    if who != "anonymous":
        client.force_login(people[who]())
    for path in ("edit/", "offers-and-seeks/", "people/"):
        assert client.get(f"/organisations/{organisation.slug}/{path}").status_code == status


def test_operator_sees_the_verified_box_and_admin_does_not(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    assert "is_verified" not in client.get(f"/organisations/{organisation.slug}/edit/").context[
        "form"
    ].fields
    client.force_login(UserFactory(is_staff=True))
    response = client.post(f"/organisations/{organisation.slug}/edit/", {
        "name": organisation.name, "slug": organisation.slug, "kind": "company",
        "is_verified": "on",
    })
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.is_verified


def test_entries_page_add_move_delete(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    base = f"/organisations/{organisation.slug}/offers-and-seeks/"
    client.post(base, {"kind": "offer", "title": "Eerste"})
    client.post(base, {"kind": "offer", "title": "Tweede"})
    second = organisation.entries.get(title="Tweede")
    client.post(f"{base}{second.uuid}/move/", {"direction": "up"})
    assert list(organisation.entries.values_list("title", flat=True)) == ["Tweede", "Eerste"]
    client.post(f"{base}{second.uuid}/", {"title": "Tweede, beter"})
    client.post(f"{base}{second.uuid}/delete/")
    assert list(organisation.entries.values_list("title", flat=True)) == ["Eerste"]
    response = client.post(base, {"kind": "offer", "title": ""})
    assert response.status_code == 200 and response.context["form"].errors


def test_people_page_invites_changes_roles_and_removes(client, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    member = person_in(organisation)
    client.force_login(admin)
    base = f"/organisations/{organisation.slug}/people/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(base, {"email": "nieuw@example.org", "role": "member"})
    assert mail.outbox[0].to == ["nieuw@example.org"]
    client.post(f"{base}{member.uuid}/role/", {"role": "admin"})
    assert OrganisationMember.objects.get(person=member).role == "admin"
    client.post(f"{base}{member.uuid}/remove/", {})
    assert OrganisationMember.objects.get(person=member).left_at is not None
    response = client.post(f"{base}{admin.uuid}/role/", {"role": "member"}, follow=True)
    assert OrganisationMember.objects.get(person=admin).role == "admin"
    assert response.context["messages"]


def test_leave_page_asks_for_a_successor(client):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    colleague = person_in(organisation)
    client.force_login(admin)
    url = f"/organisations/{organisation.slug}/leave/"
    response = client.post(url, {})
    assert response.status_code == 200 and "successor" in response.context["form"].errors
    response = client.post(url, {"successor": str(colleague.uuid)})
    assert response.status_code == 302
    assert OrganisationMember.objects.get(person=colleague).role == "admin"


def test_invitation_link_for_anonymous_and_signed_in_people(client):
    invitation = InvitationFactory()
    url = f"/organisations/invitations/{invitation.uuid}/"
    page = client.get(url)
    assert f"/accounts/signup/?next={url}" in page.content.decode()
    assert client.post(url).url == f"/accounts/login/?next={url}"
    person = UserFactory()
    login = client.post("/accounts/login/", {"login": person.email,
                                              "password": "correct horse battery", "next": url})
    assert login.url == url
    response = client.post(url)
    assert response.status_code == 302
    assert OrganisationMember.objects.filter(person=person,
                                             organisation=invitation.organisation).exists()
    assert client.get(url).context["state"] == "accepted"
    assert client.get("/organisations/invitations/00000000-0000-0000-0000-000000000000/")\
        .status_code == 404


def test_act_for_switches_and_refuses_foreign_or_bad_values(client):
    first, second, foreign = OrganisationFactory.create_batch(3)
    person = person_in(first)
    OrganisationMember.objects.create(organisation=second, person=person)
    client.force_login(person)
    client.post("/organisations/act-for/", {"organisation": str(second.uuid), "next": "/"})
    person.refresh_from_db()
    assert person.acting_organisation_uuid == second.uuid
    assert client.post("/organisations/act-for/", {"organisation": str(foreign.uuid)})\
        .status_code == 404
    assert client.post("/organisations/act-for/", {"organisation": "garbage"}).status_code == 404
    client.post(f"/organisations/{second.slug}/leave/", {})
    person.refresh_from_db()
    assert person.acting_organisation_uuid is None


def test_export_and_erasure_check():
    organisation = OrganisationFactory(name="Kringloop")
    admin = admin_of(organisation)
    InvitationFactory(organisation=organisation, invited_by=admin, email="c@example.org")
    exported = export_sections(admin)["organisations"]
    assert exported["memberships"][0]["organisation"]["name"] == "Kringloop"
    assert exported["invitations_sent"][0]["email"] == "c@example.org"
    assert not any("Kringloop" in message for message in erasure_blockers(admin))
    person_in(organisation)
    assert any("Kringloop" in message for message in erasure_blockers(admin))


def test_a_new_organisation_update_is_recorded_for_that_organisation(client):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    client.force_login(admin)
    client.post(f"/organisations/{organisation.slug}/edit/", {
        "name": "Nieuwe naam", "slug": organisation.slug, "kind": "company",
    })
    activity = Activity.objects.get(verb="organisations.organisation.updated")
    assert activity.organisation_uuid == organisation.uuid


@pytest.mark.parametrize("count", [5, 50])
def test_profile_page_and_people_endpoint_have_bounded_queries(
    client, api, django_assert_max_num_queries, count
):
    organisation = OrganisationFactory()
    for _ in range(count):
        person_in(organisation)
        ProfileEntryFactory(organisation=organisation)
    viewer = admin_of(organisation)
    client.force_login(viewer)
    with django_assert_max_num_queries(22):
        assert client.get(f"/organisations/{organisation.slug}/").status_code == 200
    with django_assert_max_num_queries(8):
        assert api.get(f"organisations/{organisation.slug}/people").json()["count"] == count + 1
