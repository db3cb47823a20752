"""The permission matrix: every kind of viewer × public and members-only, for the functions,
the pages and the API."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from zwerm.collaboration.permissions import deliverables as permissions
from zwerm.collaboration.services.deliverables import deliverable_create
from zwerm.collaboration.services.deliverables_attachments import attachment_add
from zwerm.collaboration.tests.deliverables.conftest import PDF
from zwerm.core.actor import Actor
from zwerm.ecosystems.tests.conftest import MANAGES, SEES_MEMBERS_ONLY, VIEWERS
from zwerm.ecosystems.tests.factories import RoleFactory
from zwerm.organisations.selectors import person_organisations

pytestmark = pytest.mark.django_db

#: People acting for an active member organisation (the world's "active" one).
CREATES = {"active", "facilitator", "delegate", "org_admin"}
#: The owner organisation's people and those who manage the ecosystem.
EDITS = CREATES | MANAGES


def sees(label, visibility):
    return visibility == "public" or label in SEES_MEMBERS_ONLY


def org_of(person):
    return person_organisations(person=person).first() if person is not None else None


def actor_of(person):
    return Actor(person=person, organisation=org_of(person))


@pytest.fixture
def matrix(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"

    def build(visibility):
        ecosystem, people, organisations = world(visibility)
        owner = Actor(person=people["org_admin"], organisation=organisations["active"])
        deliverable = deliverable_create(actor=owner, ecosystem=ecosystem, title="Handboek")
        attachment = attachment_add(actor=owner, deliverable=deliverable,
                                    upload=SimpleUploadedFile("plan.pdf", PDF))
        return ecosystem, deliverable, attachment, people

    return build


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("label", VIEWERS)
def test_permission_functions(matrix, label, visibility):
    ecosystem, deliverable, attachment, people = matrix(visibility)
    person = people[label]
    actor = actor_of(person)
    assert permissions.can_view(person, deliverable) is sees(label, visibility)
    assert permissions.can_create(actor, ecosystem) is (label in CREATES)
    assert permissions.can_edit(person, deliverable) is (label in EDITS)
    assert permissions.can_view_attachment(person, attachment) is sees(label, visibility)
    assert permissions.can_remove_attachment(person, attachment) is (label in EDITS)


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("label", VIEWERS)
def test_pages(client, matrix, label, visibility):
    ecosystem, deliverable, attachment, people = matrix(visibility)
    if people[label] is not None:
        client.force_login(people[label])
    expected = 200 if sees(label, visibility) else 404
    base = f"/ecosystems/{ecosystem.slug}/deliverables/"
    for page in ("", f"{deliverable.uuid}/", f"{deliverable.uuid}/attachments/{attachment.uuid}/"):
        assert client.get(base + page).status_code == expected, page
    for page in ("new/", f"{deliverable.uuid}/edit/"):
        response = client.get(base + page)
        if label == "anonymous":
            assert response.status_code == 302
        elif not sees(label, visibility):
            assert response.status_code == 404
        else:
            allowed = CREATES if page == "new/" else EDITS
            assert response.status_code == (200 if label in allowed else 403), page


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("label", VIEWERS)
def test_api(api, api_for, matrix, label, visibility):
    ecosystem, deliverable, attachment, people = matrix(visibility)
    person = people[label]
    client = api if person is None else api_for(person, org_of(person))
    visible = sees(label, visibility)
    for path in (f"collaboration/ecosystems/{ecosystem.slug}/deliverables",
                 f"collaboration/deliverables/{deliverable.uuid}",
                 f"collaboration/deliverables/{deliverable.uuid}/attachments/{attachment.uuid}"):
        assert client.get(path).status_code == (200 if visible else 404), path
    created = client.post(f"collaboration/ecosystems/{ecosystem.slug}/deliverables",
                          {"title": "Nog een resultaat"})
    patched = client.patch(f"collaboration/deliverables/{deliverable.uuid}",
                           {"description": "Bijgewerkt"})
    if person is None:
        assert (created.status_code, patched.status_code) == (401, 401)
    elif not visible:
        assert (created.status_code, patched.status_code) == (404, 404)
    else:
        assert created.status_code == (201 if label in CREATES else 403), label
        assert patched.status_code == (200 if label in EDITS else 403), label


def test_ownable_ids_follow_may_make_owner(setup):
    assert permissions.ownable_ids(setup.fac, setup.ecosystem) is None  # any member
    assert permissions.ownable_ids(setup.colleague, setup.ecosystem) == {setup.org.pk}
    RoleFactory(ecosystem=setup.ecosystem, organisation=setup.other_org,
                person=setup.colleague.person, name="delegate")
    allowed = permissions.ownable_ids(setup.colleague, setup.ecosystem)
    assert allowed == {setup.org.pk, setup.other_org.pk}
    for organisation in (setup.org, setup.other_org, setup.home):
        assert permissions.may_make_owner(setup.colleague, setup.ecosystem, organisation) is (
            organisation.pk in allowed)
