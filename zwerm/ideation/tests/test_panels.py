"""Challenges are reachable from the main navigation and from an ecosystem's pages."""

import pytest

from zwerm.ecosystems.tests.factories import EcosystemFactory

pytestmark = pytest.mark.django_db


def test_the_main_navigation_links_to_the_challenges(client):
    assert b'href="/challenges/"' in client.get("/").content


def test_an_ecosystem_links_to_its_challenges(client):
    ecosystem = EcosystemFactory()
    page = client.get(f"/ecosystems/{ecosystem.slug}/").content
    assert f'href="/challenges/?ecosystem={ecosystem.slug}"'.encode() in page
