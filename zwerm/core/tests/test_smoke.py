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
