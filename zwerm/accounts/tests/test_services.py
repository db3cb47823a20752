import pytest
from django.contrib.sessions.backends.db import SessionStore

from zwerm.accounts import services
from zwerm.accounts.models import PersonalAccessToken, User
from zwerm.accounts.tests.factories import UserFactory
from zwerm.core import privacy
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity, Notification, NotificationPreference
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db


def test_profile_update_changes_only_what_is_given_and_records_which_fields():
    person = UserFactory(name="Anna de Vries", language="nl")
    services.profile_update(actor=Actor(person=person), name="  Anna   Jansen ", language="en")
    person.refresh_from_db()
    assert (person.name, person.language, person.time_zone) == (
        "Anna Jansen", "en", "Europe/Amsterdam",
    )
    activity = Activity.objects.get(verb="accounts.profile.updated")
    assert activity.payload == {"fields": ["name", "language"]}
    assert activity.organisation_uuid is None
    assert "Anna" not in activity.subject_label and "Anna" not in str(activity.payload)


def test_profile_update_of_a_person_acting_for_an_organisation_is_personal():
    organisation = OrganisationFactory()
    person = person_in(organisation)
    services.profile_update(actor=Actor(person=person, organisation=organisation), name="X Y")
    assert Activity.objects.get(verb="accounts.profile.updated").organisation_uuid is None


def test_profile_update_without_change_records_nothing():
    person = UserFactory(name="Bo")
    services.profile_update(actor=Actor(person=person), name="Bo")
    assert not Activity.objects.exists()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 151}, "name"),
        ({"language": "fr"}, "language"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"name_visibility": "nobody"}, "name_visibility"),
    ],
)
def test_profile_update_refuses_bad_values_on_their_field(values, field):
    person = UserFactory(name="Bo")
    with pytest.raises(ValidationFailed) as error:
        services.profile_update(actor=Actor(person=person), **values)
    assert field in error.value.fields
    person.refresh_from_db()
    assert person.name == "Bo"


def test_anonymous_cannot_update_a_profile():
    with pytest.raises(NotAllowed):
        services.profile_update(actor=Actor(person=None), name="Bo")


def test_language_set_records_a_change_once():
    person = UserFactory(language="nl")
    services.language_set(actor=Actor(person=person), language="en")
    services.language_set(actor=Actor(person=person), language="en")
    assert Activity.objects.filter(verb="accounts.language.changed").count() == 1
    with pytest.raises(ValidationFailed):
        services.language_set(actor=Actor(person=person), language="de")


def test_token_create_stores_only_a_hash_and_acts_for_a_chosen_organisation():
    first, second = OrganisationFactory(), OrganisationFactory()
    person = person_in(first)
    from zwerm.organisations.tests.factories import OrganisationMemberFactory

    OrganisationMemberFactory(organisation=second, person=person)
    token, raw = services.token_create(
        actor=Actor(person=person, organisation=first), name="script",
        organisation_uuid=second.uuid,
    )
    assert raw.startswith("zwt_") and raw not in token.token_hash
    assert token.token_hash == PersonalAccessToken.hash(raw)
    assert token.organisation_uuid == second.uuid
    activity = Activity.objects.get(verb="accounts.token.created")
    assert activity.subject_uuid == token.uuid and raw[:8] not in activity.subject_label


def test_token_create_refuses_an_organisation_the_person_does_not_belong_to():
    person = person_in(OrganisationFactory())
    with pytest.raises(ValidationFailed) as error:
        services.token_create(
            actor=Actor(person=person), name="x", organisation_uuid=OrganisationFactory().uuid
        )
    assert "organisation" in error.value.fields


def test_token_create_needs_a_name_and_has_a_limit():
    person = UserFactory()
    with pytest.raises(ValidationFailed):
        services.token_create(actor=Actor(person=person), name="  ")
    for number in range(services.MAX_ACTIVE_TOKENS):
        services.token_create(actor=Actor(person=person), name=f"t{number}")
    with pytest.raises(Conflict):
        services.token_create(actor=Actor(person=person), name="one too many")


def test_token_revoke_only_own_tokens_and_only_once():
    person, other = UserFactory(), UserFactory()
    token, _raw = services.token_create(actor=Actor(person=person), name="x")
    with pytest.raises(NotFound):
        services.token_revoke(actor=Actor(person=other), token_uuid=token.uuid)
    services.token_revoke(actor=Actor(person=person), token_uuid=token.uuid)
    token.refresh_from_db()
    assert token.revoked_at is not None
    with pytest.raises(Conflict):
        services.token_revoke(actor=Actor(person=person), token_uuid=token.uuid)


def _with_history(person, organisation):
    from django.db import transaction

    with transaction.atomic():
        return record(
            verb="organisations.organisation.updated",
            actor=Actor(person=person, organisation=organisation),
            subject=organisation,
        )


def test_person_erase_deletes_personal_data_and_keeps_history():
    organisation = OrganisationFactory()
    person = person_in(organisation, name="Erik Wis")
    services.token_create(actor=Actor(person=person), name="x")
    NotificationPreference.objects.create(person=person, kind="k", channel="off")
    activity = _with_history(person, organisation)
    Notification.objects.create(recipient=person, kind="k", activity=activity)
    session = SessionStore()
    session["_auth_user_id"] = str(person.pk)
    session.create()
    other_session = SessionStore()
    other_session["_auth_user_id"] = "999999"
    other_session.create()

    services.person_erase(actor=Actor(person=person), password="correct horse battery")

    assert not User.objects.filter(email=person.email).exists()
    assert not PersonalAccessToken.objects.exists()
    assert not Notification.objects.exists() and not NotificationPreference.objects.exists()
    from allauth.account.models import EmailAddress
    from django.contrib.sessions.models import Session

    assert not EmailAddress.objects.filter(email=person.email).exists()
    assert not Session.objects.filter(session_key=session.session_key).exists()
    assert Session.objects.filter(session_key=other_session.session_key).exists()
    activity.refresh_from_db()
    assert activity.actor_id is None and activity.organisation_uuid == organisation.uuid
    organisation.refresh_from_db()
    erased = Activity.objects.get(verb="accounts.person.erased")
    assert erased.is_system and erased.actor_id is None
    assert erased.subject_uuid is None and erased.subject_label == "" and erased.payload == {}


def test_person_erase_needs_the_password():
    person = UserFactory()
    with pytest.raises(ValidationFailed) as error:
        services.person_erase(actor=Actor(person=person), password="wrong")
    assert "password" in error.value.fields
    assert User.objects.filter(pk=person.pk).exists()


def test_person_erase_is_refused_with_the_blockers_of_other_apps(monkeypatch):
    person = UserFactory()
    monkeypatch.setattr(privacy, "_erasure_checks", [lambda p: ["Hand over your role first."]])
    with pytest.raises(Conflict) as error:
        services.person_erase(actor=Actor(person=person), password="correct horse battery")
    assert "Hand over your role first." in str(error.value.message)
    assert error.value.fields == {"__all__": ["Hand over your role first."]}
    assert User.objects.filter(pk=person.pk).exists()
