import pytest


@pytest.mark.django_db
def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_home_page_renders_in_dutch_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b'<html lang="nl">' in response.content


@pytest.mark.django_db
def test_accept_language_english_wins_when_first(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr, en;q=0.8, nl;q=0.5")
    assert b'<html lang="en">' in response.content


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_home_page_is_accessible(ui):
    ui.goto("/")
    assert "Zwerm" in ui.page.title()


@pytest.mark.django_db
def test_a_bad_bearer_token_is_refused_even_where_anonymous_reading_is_allowed(client):
    from zwerm.core.testing.fixtures import assert_error_format

    response = client.get("/api/v1/ecosystems", HTTP_AUTHORIZATION="Bearer zwt_not-a-token")
    assert_error_format(response, 401)
    assert client.get("/api/v1/ecosystems").status_code == 200


@pytest.mark.django_db
def test_unknown_api_paths_answer_in_the_error_format(client):
    from zwerm.core.testing.fixtures import assert_error_format

    body = assert_error_format(client.get("/api/v1/no-such-thing"), 404)
    assert body["code"] == "not_found"
    assert_error_format(client.get("/api/v2/ecosystems"), 404)
