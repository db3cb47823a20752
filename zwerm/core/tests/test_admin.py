"""Operators can open every admin list; other people cannot."""

import pytest
from django.contrib import admin

from zwerm.accounts.tests.factories import UserFactory
from zwerm.ecosystems.tests.factories import MembershipFactory, RoleFactory

pytestmark = pytest.mark.django_db


def admin_urls() -> list[str]:
    return [
        f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for model in admin.site._registry
    ]


@pytest.mark.parametrize("url", admin_urls())
def test_operators_open_every_admin_list(client, url):
    operator = UserFactory(is_staff=True, is_superuser=True)
    membership = MembershipFactory()
    RoleFactory(ecosystem=membership.ecosystem, organisation=membership.organisation,
                person=operator)
    client.force_login(operator)
    assert client.get(url).status_code == 200


def test_people_who_are_not_operators_are_sent_to_the_admin_login(client):
    client.force_login(UserFactory())
    response = client.get("/admin/accounts/user/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
