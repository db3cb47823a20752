"""The permission matrix: every kind of viewer × public and members-only, in pages and API."""

import pytest

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.actor import Actor
from zwerm.core.models import Activity
from zwerm.ecosystems.models import Role
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory, RoleFactory
from zwerm.events import services
from zwerm.events.tests.factories import soon
from zwerm.organisations.selectors import person_organisations
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of, person_in

pytestmark = pytest.mark.django_db

VIEWERS = ["anonymous", "outsider", "member", "attendee", "organiser", "facilitator", "operator"]
SEES_MEMBERS_ONLY = {"member", "organiser", "facilitator", "operator"}
MANAGES = {"organiser", "facilitator", "operator"}


@pytest.fixture
def world():
    """``world(visibility)``: an ecosystem's event and one person per row of the matrix."""

    def build(visibility):
        ecosystem = EcosystemFactory()
        home = OrganisationFactory()
        MembershipFactory(ecosystem=ecosystem, organisation=home)
        people = {"anonymous": None, "outsider": person_in(OrganisationFactory())}
        people["organiser"] = admin_of(home)
        people["member"] = person_in(home)
        people["facilitator"] = person_in(home)
        RoleFactory(ecosystem=ecosystem, organisation=home, person=people["facilitator"],
                    name=Role.Name.FACILITATOR)
        people["operator"] = UserFactory(is_staff=True)
        event = services.event_create(
            actor=Actor(person=people["organiser"], organisation=home), title="Overleg over warmte",
            starts_at=soon(), ends_at=soon(7, 2), venue="Hier", ecosystem=ecosystem,
            visibility=visibility, mode="hybrid", online_url="https://meet.example.org/geheim",
        )
        if visibility == "public":
            people["attendee"] = person_in(OrganisationFactory())
        else:
            people["attendee"] = person_in(home)
        services.registration_create(
            actor=Actor(person=people["attendee"],
                        organisation=person_organisations(person=people["attendee"]).first()),
            event=event,
        )
        ecosystem.visibility = visibility
        ecosystem.save(update_fields=["visibility"])
        return event, people

    return build


def sees(label, visibility):
    return visibility == "public" or label in SEES_MEMBERS_ONLY | {"attendee"}


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("label", VIEWERS)
def test_pages(client, world, label, visibility):
    event, people = world(visibility)
    if people[label] is not None:
        client.force_login(people[label])
    visible = sees(label, visibility)
    for page in ("", "event.ics"):
        response = client.get(f"/events/{event.slug}/{page}")
        assert response.status_code == (200 if visible else 404), page
    assert (event.title in client.get("/events/").content.decode()) is visible
    detail = client.get(f"/events/{event.slug}/").content.decode()
    shows_link = label in MANAGES | {"attendee"}
    assert ("meet.example.org/geheim" in detail) is shows_link
    for page in ("manage/", "door/", "edit/", "attendees.csv", "cancel/"):
        response = client.get(f"/events/{event.slug}/{page}")
        if label == "anonymous":
            assert response.status_code == 302
        elif not visible:
            assert response.status_code == 404
        else:
            assert response.status_code == (200 if label in MANAGES else 403), page
    response = client.get(f"/events/{event.slug}/attendees/")
    if label == "anonymous":
        assert response.status_code == 302
    elif visible:
        assert response.status_code == (200 if label in MANAGES | {"attendee"} else 403)


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("label", VIEWERS)
def test_api(api, api_for, world, label, visibility):
    event, people = world(visibility)
    person = people[label]
    client = api if person is None else api_for(
        person, person_organisations(person=person).first()
    )
    visible = sees(label, visibility)
    for path in ("", "/questions", "/calendar", "/minutes"):
        response = client.get(f"events/{event.slug}{path}")
        assert response.status_code == (200 if visible else 404), path
    items = client.get("events").json()["items"]
    assert (event.slug in [item["slug"] for item in items]) is visible
    if visible:
        link = client.get(f"events/{event.slug}").json()["online_url"]
        assert (link is not None) is (label in MANAGES | {"attendee"})
    for method, path, body in (("patch", "", {"title": "Nieuw"}),
                               ("get", "/registrations", None),
                               ("get", "/organisers", None)):
        response = getattr(client, method)(f"events/{event.slug}{path}", body)
        if person is None:
            assert response.status_code == 401
        elif not visible:
            assert response.status_code == 404
        else:
            assert response.status_code == (200 if label in MANAGES else 403), (path, label)
    response = client.post(f"events/{event.slug}/registrations", {})
    if person is None:
        assert response.status_code == 401
    elif not visible:
        assert response.status_code == 404
    else:
        assert response.status_code == (409 if label == "attendee" else 201)


@pytest.mark.parametrize("label", VIEWERS)
def test_members_only_event_activities_stay_out_of_outsiders_feeds(world, label):
    from zwerm.core.selectors import activity_list

    event, people = world("members")
    subjects = set(activity_list(viewer=people[label]).values_list("subject_uuid", flat=True))
    assert (event.uuid in subjects) is sees(label, "members")


def test_members_only_event_of_a_public_ecosystem_stays_out_of_an_outsiders_stream():
    from zwerm.core.selectors import activity_list
    from zwerm.ecosystems.tests.factories import started_ecosystem
    from zwerm.events.tests.factories import attendee

    ecosystem, facilitator, home = started_ecosystem()
    actor = Actor(person=facilitator, organisation=home)
    event = services.event_create(actor=actor, title="Geheim ledenoverleg", starts_at=soon(),
                                  ends_at=soon(7, 1), venue="Hier", ecosystem=ecosystem,
                                  visibility="members")
    services.event_update(actor=actor, event=event, venue="Elders")
    services.registration_create(actor=actor, event=event)
    about_event = {"subject_uuid": event.uuid}
    assert activity_list(viewer=facilitator).filter(**about_event).count() == 3
    assert not activity_list(viewer=attendee()[0]).filter(**about_event).exists()
    labels = Activity.objects.filter(**about_event).values_list("subject_label", flat=True)
    assert not [label for label in labels if "ledenoverleg" in label.lower()]
