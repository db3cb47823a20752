"""Shared pytest fixtures: API client, Playwright on Debian's Chromium, axe-core checks."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("ZWERM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


class JsonClient:
    """A thin wrapper over Django's test client that speaks JSON to /api/v1/."""

    def __init__(self, client, token: str | None = None, language: str = "en"):
        self.client = client
        self.headers: dict[str, str] = {"HTTP_ACCEPT_LANGUAGE": language}
        if token:
            self.headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"

    def _call(self, method: str, path: str, data: Any = None, **extra):
        url = path if path.startswith("/") else f"/api/v1/{path}"
        kwargs = {**self.headers, **extra}
        if method == "get":
            return self.client.get(url, data or {}, **kwargs)
        body = json.dumps(data) if data is not None else ""
        return getattr(self.client, method)(url, body, content_type="application/json", **kwargs)

    def get(self, path, data=None, **extra):
        return self._call("get", path, data, **extra)

    def post(self, path, data=None, **extra):
        return self._call("post", path, data, **extra)

    def put(self, path, data=None, **extra):
        return self._call("put", path, data, **extra)

    def patch(self, path, data=None, **extra):
        return self._call("patch", path, data, **extra)

    def delete(self, path, data=None, **extra):
        return self._call("delete", path, data, **extra)


@pytest.fixture
def api(client) -> JsonClient:
    """An anonymous JSON API client."""
    return JsonClient(client)


@pytest.fixture
def api_for(client):
    """``api_for(person, organisation=None)``: a JSON client with a fresh personal token."""
    from zwerm.accounts.services import token_create
    from zwerm.core.actor import Actor

    def make(person, organisation=None, language: str = "en") -> JsonClient:
        _token, raw = token_create(
            actor=Actor(person=person, organisation=organisation), name="test"
        )
        return JsonClient(client, token=raw, language=language)

    return make


def assert_error_format(response, status: int) -> dict:
    """Every API error has ``code``, ``message`` and ``fields``, with the given status."""
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) >= {"code", "message", "fields"}, body
    assert isinstance(body["message"], str) and body["message"]
    return body


# Browser tests -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Browser tests need Chromium at {CHROMIUM} (make test installs it as root).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class AccessiblePage:
    """A Playwright page that runs axe-core on every page it loads and fails on violations."""

    def __init__(self, page, base_url: str):
        from axe_playwright_python.sync_playwright import Axe

        self.page = page
        self.base_url = base_url.rstrip("/")
        self._axe = Axe()
        self._loaded = False
        self.checked_urls: list[str] = []
        page.on("load", self._on_load)

    def _on_load(self, _page) -> None:
        self._loaded = True

    def url(self, path: str) -> str:
        return path if path.startswith("http") else f"{self.base_url}{path}"

    def goto(self, path: str):
        self.page.goto(self.url(path))
        self.settle()
        return self.page

    def settle(self) -> None:
        """Wait for the page to load, then check it with axe-core (once per load)."""
        self.page.wait_for_load_state("load")
        if not self._loaded:
            return
        self._loaded = False
        results = self._axe.run(self.page)
        self.checked_urls.append(self.page.url)
        assert results.violations_count == 0, (
            f"Accessibility violations on {self.page.url}:\n{results.generate_report()}"
        )

    def click(self, selector: str, **kwargs) -> None:
        self.page.click(selector, **kwargs)
        self.settle()

    def submit(self, button_name: str) -> None:
        self.page.get_by_role("button", name=button_name).click()
        self.settle()


@pytest.fixture
def ui(playwright_browser, live_server) -> Iterator[AccessiblePage]:
    """A fresh browser context (Dutch unless a test says otherwise) on the live server."""
    context = playwright_browser.new_context(locale="nl-NL", bypass_csp=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    accessible = AccessiblePage(page, live_server.url)
    yield accessible
    try:
        accessible.settle()
    finally:
        context.close()


#: The password ``zwerm.accounts.tests.factories.UserFactory`` gives every person.
PASSWORD = "correct horse battery"


def sign_in(ui: AccessiblePage, email: str, password: str = PASSWORD) -> None:
    """Sign in through the (Dutch) login page, as nobody else: earlier cookies are cleared."""
    ui.page.context.clear_cookies()
    ui.goto("/accounts/login/")
    ui.page.fill("#id_login", email)
    ui.page.fill("#id_password", password)
    ui.submit("Inloggen")
