"""The permission matrix: every kind of viewer × public and members-only, in pages and API."""

import pytest

from zwerm.ecosystems.selectors import ecosystem_members
from zwerm.ecosystems.tests.conftest import MANAGES, SEES_MEMBERS_ONLY, VIEWERS
from zwerm.organisations.selectors import person_organisations

pytestmark = pytest.mark.django_db


def sees(label, visibility):
    return visibility == "public" or label in SEES_MEMBERS_ONLY


def login(client, person):
    if person is not None:
        client.force_login(person)


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("label", VIEWERS)
def test_pages(client, world, label, visibility):
    ecosystem, people, _orgs = world(visibility)
    login(client, people[label])
    expected = 200 if sees(label, visibility) else 404
    for page in ("", "history/", "activity/"):
        response = client.get(f"/ecosystems/{ecosystem.slug}/{page}")
        assert response.status_code == expected, (page, response.status_code)
    listed = ecosystem.name.encode() in client.get("/ecosystems/").content
    assert listed is sees(label, visibility)
    for page in ("manage/", "edit/", "charter/"):
        response = client.get(f"/ecosystems/{ecosystem.slug}/{page}")
        if label == "anonymous":
            assert response.status_code == 302
        elif not sees(label, visibility):
            assert response.status_code == 404
        else:
            assert response.status_code == (200 if label in MANAGES else 403), page


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("label", VIEWERS)
def test_api(api, api_for, world, label, visibility):
    ecosystem, people, _orgs = world(visibility)
    person = people[label]
    client = api if person is None else api_for(
        person, person_organisations(person=person).first()
    )
    visible = sees(label, visibility)
    for path in ("", "/charter", "/memberships", "/roles", "/activities"):
        response = client.get(f"ecosystems/{ecosystem.slug}{path}")
        assert response.status_code == (200 if visible else 404), path
    items = client.get("ecosystems").json()["items"]
    assert (ecosystem.slug in [item["slug"] for item in items]) is visible
    response = client.patch(f"ecosystems/{ecosystem.slug}", {"goal": "Een nieuw doel."})
    if person is None:
        assert response.status_code == 401
    elif not visible:
        assert response.status_code == 404
    else:
        assert response.status_code == (200 if label in MANAGES else 403), response.content


@pytest.mark.parametrize("label", VIEWERS)
def test_requests_and_invitations_are_only_listed_for_facilitators_and_themselves(
    api, api_for, world, label
):
    ecosystem, people, _orgs = world("public")
    person = people[label]
    client = api if person is None else api_for(
        person, person_organisations(person=person).first()
    )
    states = {item["state"] for item in client.get(f"ecosystems/{ecosystem.slug}/memberships")
              .json()["items"]}
    expected = {"active", "paused"}
    if label in MANAGES:
        expected |= {"requested", "invited"}
    elif label in ("requested", "invited"):
        expected.add(label)
    assert states == expected


@pytest.mark.parametrize("label", VIEWERS)
def test_the_members_selector_applies_the_same_rule_for_pages(world, label):
    ecosystem, people, _orgs = world("public")
    states = set(ecosystem_members(ecosystem=ecosystem, viewer=people[label])
                 .values_list("state", flat=True))
    assert {"requested", "invited"} & states == (
        {"requested", "invited"} if label in MANAGES
        else {label} & {"requested", "invited"}
    )
