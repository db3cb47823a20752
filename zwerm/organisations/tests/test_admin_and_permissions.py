import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.actor import Actor
from zwerm.core.models import Activity
from zwerm.organisations import permissions
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of, person_in

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/organisations/organisation/"


@pytest.fixture
def operator_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_merge_asks_for_confirmation_then_merges(operator_client):
    source = OrganisationFactory(name="Dubbel")
    target = OrganisationFactory(name="Echt")
    person_in(source)
    confirm = operator_client.post(
        CHANGELIST, {"action": "merge", ACTION_CHECKBOX_NAME: [source.pk]}
    )
    assert confirm.status_code == 200
    assert b"Dubbel" in confirm.content
    source.refresh_from_db()
    assert source.merged_into is None
    done = operator_client.post(
        CHANGELIST,
        {"action": "merge", ACTION_CHECKBOX_NAME: [source.pk], "apply": "1",
         "target": target.pk},
    )
    assert done.status_code == 302
    source.refresh_from_db()
    assert source.merged_into == target
    assert target.memberships.count() == 1
    assert Activity.objects.filter(verb="organisations.organisation.merged").exists()


def test_admin_merge_refuses_itself_as_target(operator_client):
    source = OrganisationFactory()
    response = operator_client.post(
        CHANGELIST,
        {"action": "merge", ACTION_CHECKBOX_NAME: [source.pk], "apply": "1",
         "target": source.pk},
    )
    assert response.status_code == 200 and response.context["form"].errors
    source.refresh_from_db()
    assert source.merged_into is None


def test_admin_verify_action_is_recorded(operator_client):
    organisation = OrganisationFactory()
    operator_client.post(
        CHANGELIST, {"action": "mark_verified", ACTION_CHECKBOX_NAME: [organisation.pk]}
    )
    organisation.refresh_from_db()
    assert organisation.is_verified
    assert Activity.objects.filter(verb="organisations.organisation.verified").exists()


def test_admin_change_page_renders(operator_client):
    organisation = OrganisationFactory()
    person_in(organisation)
    assert operator_client.get(f"{CHANGELIST}{organisation.pk}/change/").status_code == 200
    assert operator_client.get(CHANGELIST, {"q": organisation.name}).status_code == 200


@pytest.mark.parametrize(
    ("who", "member", "admin", "edit", "verify"),
    [("anonymous", False, False, False, False),
     ("outsider", False, False, False, False),
     ("member", True, False, False, False),
     ("admin", True, True, True, False),
     ("other_admin", False, False, False, False),
     ("operator", False, False, True, True)],
)
def test_permission_matrix(who, member, admin, edit, verify):
    organisation = OrganisationFactory()
    viewer = {
        "anonymous": lambda: None,
        "outsider": UserFactory,
        "member": lambda: person_in(organisation),
        "admin": lambda: admin_of(organisation),
        "other_admin": lambda: admin_of(OrganisationFactory()),
        "operator": lambda: UserFactory(is_staff=True),
    }[who]()
    for subject in (viewer, Actor(person=viewer)):
        assert permissions.can_view(subject, organisation)
        assert permissions.is_member(subject, organisation) is member
        assert permissions.is_admin(subject, organisation) is admin
        assert permissions.can_edit(subject, organisation) is edit
        assert permissions.can_manage_people(subject, organisation) is edit
        assert permissions.can_verify(subject) is verify
        assert permissions.can_merge(subject) is verify
        assert permissions.can_create(subject) is (who != "anonymous")


def test_nobody_edits_a_merged_organisation():
    target = OrganisationFactory()
    source = OrganisationFactory(merged_into=target)
    assert not permissions.can_edit(admin_of(source), source)
    assert not permissions.can_edit(UserFactory(is_staff=True), source)
