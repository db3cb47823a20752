import pytest

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.actor import Actor
from zwerm.core.errors import NotAllowed, ValidationFailed
from zwerm.core.models import Activity
from zwerm.organisations import services
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    organisation = OrganisationFactory()
    return organisation, Actor(person=admin_of(organisation), organisation=organisation)


def titles(organisation, kind):
    return list(organisation.entries.filter(kind=kind).values_list("title", flat=True))


def test_add_edit_delete_an_offer(setting):
    organisation, actor = setting
    entry = services.entry_create(
        actor=actor, organisation=organisation, kind="offer", title="  Advies  ",
        description="Over *circulair* bouwen",
    )
    assert entry.title == "Advies" and entry.position == 0
    services.entry_update(actor=actor, entry=entry, title="Advies op maat")
    entry.refresh_from_db()
    assert entry.title == "Advies op maat" and entry.description == ""
    services.entry_delete(actor=actor, entry=entry)
    assert not organisation.entries.exists()
    assert list(
        Activity.objects.order_by("seq").values_list("verb", flat=True)
    ) == ["organisations.offer.created", "organisations.offer.updated",
          "organisations.offer.deleted"]


@pytest.mark.parametrize(
    ("kind", "title", "description", "field"),
    [("gift", "X", "", "kind"), ("seek", "  ", "", "title"), ("seek", "x" * 121, "", "title"),
     ("seek", "X", "y" * 2001, "description")],
)
def test_bad_entries_are_refused(setting, kind, title, description, field):
    organisation, actor = setting
    with pytest.raises(ValidationFailed) as error:
        services.entry_create(
            actor=actor, organisation=organisation, kind=kind, title=title,
            description=description,
        )
    assert field in error.value.fields


def test_only_admins_manage_entries(setting):
    organisation, _actor = setting
    for person in (UserFactory(), person_in(organisation)):
        with pytest.raises(NotAllowed):
            services.entry_create(
                actor=Actor(person=person), organisation=organisation, kind="offer", title="X"
            )


def test_reorder_and_move(setting):
    organisation, actor = setting
    a, b, c = (
        services.entry_create(actor=actor, organisation=organisation, kind="seek", title=t)
        for t in "ABC"
    )
    services.entry_create(actor=actor, organisation=organisation, kind="offer", title="O")
    services.entries_reorder(
        actor=actor, organisation=organisation, kind="seek", order=[c.uuid, a.uuid, b.uuid]
    )
    assert titles(organisation, "seek") == ["C", "A", "B"]
    services.entry_move(actor=actor, entry=b, offset=-1)
    assert titles(organisation, "seek") == ["C", "B", "A"]
    services.entry_move(actor=actor, entry=c, offset=-1)  # already first: nothing changes
    assert titles(organisation, "seek") == ["C", "B", "A"]
    assert titles(organisation, "offer") == ["O"]


@pytest.mark.parametrize("order", ["missing", "duplicate", "foreign", "garbage"])
def test_reorder_must_name_every_entry_once(setting, order):
    organisation, actor = setting
    a, b = (
        services.entry_create(actor=actor, organisation=organisation, kind="seek", title=t)
        for t in "AB"
    )
    other = services.entry_create(actor=actor, organisation=organisation, kind="offer", title="O")
    wrong = {
        "missing": [a.uuid],
        "duplicate": [a.uuid, a.uuid, b.uuid],
        "foreign": [a.uuid, other.uuid],
        "garbage": [a.uuid, "not-a-uuid"],
    }[order]
    with pytest.raises(ValidationFailed) as error:
        services.entries_reorder(actor=actor, organisation=organisation, kind="seek", order=wrong)
    assert "order" in error.value.fields
