import re

import pytest
from django.core import mail

from zwerm.accounts import services
from zwerm.accounts.models import PersonalAccessToken, User
from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.actor import Actor
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Stadslab")


@pytest.fixture
def person(organisation):
    return person_in(organisation, name="Pim Pagina", email="pim@example.org")


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


@pytest.mark.parametrize(
    "url",
    ["/me/", "/me/notifications/", "/me/tokens/", "/me/privacy/", "/me/export/", "/me/erase/"],
)
def test_account_pages_need_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "url",
    ["/me/", "/me/notifications/", "/me/tokens/", "/me/privacy/", "/me/erase/",
     "/accounts/email/", "/accounts/password/change/"],
)
def test_account_pages_render(signed_in, url):
    response = signed_in.get(url)
    assert response.status_code == 200
    assert response.content.count(b"<h1") == 1


@pytest.mark.parametrize(
    "url",
    ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/",
     "/accounts/password/reset/done/", "/accounts/confirm-email/", "/accounts/confirm-email/bad/"],
)
def test_entrance_pages_render_in_our_layout(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert b'class="site-header"' in response.content
    assert response.content.count(b"<h1") == 1


def test_profile_form_saves_through_the_service(signed_in, person):
    response = signed_in.post("/me/", {
        "name": "Pim P.", "language": "en", "time_zone": "Europe/London",
        "name_visibility": "organisation",
    })
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.name, person.language, person.time_zone, person.name_visibility) == (
        "Pim P.", "en", "Europe/London", "organisation",
    )
    assert response.cookies["zwerm_language"].value == "en"
    assert b'<html lang="en">' in signed_in.get("/me/").content


def test_profile_form_shows_errors_linked_to_fields(signed_in, person):
    response = signed_in.post("/me/", {
        "name": "   ", "language": "nl", "time_zone": "Atlantis/Capital",
        "name_visibility": "everyone",
    })
    content = response.content.decode()
    assert response.status_code == 200
    assert 'aria-invalid="true"' in content and 'id="id_time_zone_error"' in content
    person.refresh_from_db()
    assert person.name == "Pim Pagina"


def test_the_email_address_is_never_shown_to_others(client, organisation, person):
    colleague = person_in(organisation)
    client.force_login(colleague)
    services.profile_update(actor=Actor(person=person), name="Pim Zichtbaar")
    assert b"pim@example.org" not in client.get("/dashboard/").content
    assert b"pim@example.org" not in client.get("/notifications/").content


def test_token_page_creates_shows_once_and_revokes(signed_in, person, organisation):
    response = signed_in.post("/me/tokens/", {"name": "Rapportage", "organisation": str(
        organisation.uuid
    )})
    content = response.content.decode()
    raw = re.search(r'value="(zwt_[^"]+)"', content).group(1)
    token = PersonalAccessToken.objects.get(person=person)
    assert token.token_hash == PersonalAccessToken.hash(raw) and token.name == "Rapportage"
    assert raw not in signed_in.get("/me/tokens/").content.decode()
    response = signed_in.post(f"/me/tokens/{token.uuid}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_token_page_refuses_a_foreign_organisation(signed_in, person):
    foreign = OrganisationFactory()
    response = signed_in.post("/me/tokens/", {"name": "x", "organisation": str(foreign.uuid)})
    assert response.status_code == 200 and b"errorlist" in response.content
    assert not PersonalAccessToken.objects.filter(person=person).exists()


def test_revoking_someone_elses_token_does_nothing(signed_in):
    token, _raw = services.token_create(actor=Actor(person=UserFactory()), name="theirs")
    response = signed_in.post(f"/me/tokens/{token.uuid}/revoke/", follow=True)
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is None


def test_tokens_page_bounded_queries(signed_in, person, django_assert_max_num_queries):
    for count in (5, 20):
        for number in range(count):
            token, _ = services.token_create(actor=Actor(person=person), name=f"t{number}")
            services.token_revoke(actor=Actor(person=person), token_uuid=token.uuid)
        with django_assert_max_num_queries(14):
            assert signed_in.get("/me/tokens/").status_code == 200


def test_export_downloads_json(signed_in, person):
    response = signed_in.get("/me/export/")
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="zwerm-personal-data-')
    assert response.json()["sections"]["accounts"]["profile"]["email"] == "pim@example.org"


def test_erase_page_needs_password_and_confirmation(signed_in, person):
    response = signed_in.post("/me/erase/", {"password": "wrong", "confirm": "on"})
    assert response.status_code == 200 and b"errorlist" in response.content
    response = signed_in.post("/me/erase/", {"password": "correct horse battery"})
    assert response.status_code == 200
    assert User.objects.filter(pk=person.pk).exists()
    response = signed_in.post(
        "/me/erase/", {"password": "correct horse battery", "confirm": "on"}
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=person.pk).exists()
    assert signed_in.get("/me/").status_code == 302


def test_notification_preferences_page(signed_in, person):
    from django.utils.translation import gettext_lazy as _

    from zwerm.core import notifications

    notifications.register_kind("tests.page", _("Updates"))
    try:
        response = signed_in.get("/me/notifications/")
        assert b'name="tests.page"' in response.content
        data = {kind.name: channel for kind, channel in notifications.preferences_for(person)}
        response = signed_in.post("/me/notifications/", {**data, "tests.page": "digest"})
        assert response.status_code == 302
        assert dict(notifications.channels_for(person, ["tests.page"])) == {
            "tests.page": "digest"
        }
        response = signed_in.post("/me/notifications/", {**data, "tests.page": "loud"})
        assert response.status_code == 200 and b"errorlist" in response.content
    finally:
        notifications._KINDS.pop("tests.page", None)


def test_signup_sends_a_verification_email_and_confirming_signs_in(client):
    response = client.post("/accounts/signup/", {
        "name": "Nieuwe Nina", "email": "nina@example.org",
        "password1": "een lang wachtwoord 42", "password2": "een lang wachtwoord 42",
    })
    assert response.status_code == 302
    person = User.objects.get(email="nina@example.org")
    assert person.name == "Nieuwe Nina" and person.language == "nl"
    assert client.get("/dashboard/").status_code == 302
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", mail.outbox[0].body).group(0)
    path = "/" + link.split("/", 3)[3]
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200


def test_set_language_remembers_the_choice(signed_in, person):
    response = signed_in.post("/me/language/", {"language": "en", "next": "/me/"})
    assert response.status_code == 302 and response["Location"] == "/me/"
    person.refresh_from_db()
    assert person.language == "en"
    response = signed_in.post("/me/language/", {"language": "xx", "next": "https://evil.test/"})
    assert response["Location"] == "/"
