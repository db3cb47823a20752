from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core import notifications
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import ValidationFailed
from zwerm.core.models import Activity, Notification, NotificationPreference
from zwerm.core.tasks import send_daily_digests
from zwerm.core.testing.fixtures import assert_error_format
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db

KIND = "tests.update"
DIGEST_KIND = "tests.summary"


@pytest.fixture(autouse=True)
def kinds():
    notifications.register_kind(KIND, _("Updates"))
    notifications.register_kind(DIGEST_KIND, _("Summaries"), default="digest")
    yield
    notifications._KINDS.pop(KIND, None)
    notifications._KINDS.pop(DIGEST_KIND, None)


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Groenwerk")


@pytest.fixture(autouse=True)
def after_commit(django_capture_on_commit_callbacks):
    global _commit
    _commit = django_capture_on_commit_callbacks


def _notify(actor_person, organisation, recipients, kind=KIND, url="/organisations/x/"):
    with _commit(execute=True), transaction.atomic():
        activity = record(
            verb="organisations.organisation.updated",
            actor=Actor(person=actor_person, organisation=organisation),
            subject=organisation,
        )
        return notifications.notify(recipients=recipients, kind=kind, activity=activity, url=url)


def test_immediate_email_goes_after_commit_in_the_recipients_language(organisation):
    actor = person_in(organisation, name="Ad Actief", name_visibility="everyone")
    dutch = person_in(organisation, language="nl")
    english = person_in(organisation, language="en")
    _notify(actor, organisation, [dutch, english, actor])
    assert Notification.objects.filter(recipient=actor).count() == 0
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {dutch.email, english.email}
    assert by_address[dutch.email].body.startswith("Hallo ")
    assert "Je krijgt deze e-mail" in by_address[dutch.email].body
    assert by_address[english.email].body.startswith("Hello ")
    assert "Ad Actief updated the profile of Groenwerk" in by_address[english.email].body
    assert by_address[english.email].subject.startswith("[Zwerm] Ad Actief updated")
    assert by_address[english.email].extra_headers["Content-Language"] == "en"
    assert Notification.objects.filter(emailed_at__isnull=False).count() == 2


def test_no_email_when_the_transaction_rolls_back(organisation):
    actor, recipient = person_in(organisation), person_in(organisation)
    with pytest.raises(RuntimeError), transaction.atomic():
        activity = record(
            verb="organisations.organisation.updated",
            actor=Actor(person=actor, organisation=organisation), subject=organisation,
        )
        notifications.notify(recipients=[recipient], kind=KIND, activity=activity)
        raise RuntimeError("rolled back")
    assert mail.outbox == [] and not Notification.objects.exists()


def test_emails_show_names_as_the_recipient_may_see_them(organisation):
    actor = person_in(organisation, name="Verborgen Vera", name_visibility="organisation")
    outsider = UserFactory(language="en")
    _notify(actor, organisation, [outsider])
    assert "Verborgen Vera" not in mail.outbox[0].body
    assert "someone from Groenwerk updated the profile" in mail.outbox[0].body


def test_channels_app_and_off(organisation):
    actor, app_only, off = (person_in(organisation) for _ in range(3))
    notifications.preferences_set(actor=Actor(person=app_only), channels={KIND: "app"})
    notifications.preferences_set(actor=Actor(person=off), channels={KIND: "off"})
    _notify(actor, organisation, [app_only, off])
    assert mail.outbox == []
    assert list(Notification.objects.values_list("recipient", flat=True)) == [app_only.pk]


def test_daily_digest_gathers_unread_notifications_per_person(organisation):
    actor = person_in(organisation, name="Dirk Digest", name_visibility="everyone")
    reader = person_in(organisation, language="en")
    dutch = person_in(organisation, language="nl")
    notifications.preferences_set(actor=Actor(person=reader), channels={KIND: "digest"})
    _notify(actor, organisation, [reader])
    _notify(actor, organisation, [reader, dutch], kind=DIGEST_KIND)
    already_read = _notify(actor, organisation, [reader], kind=DIGEST_KIND)[0]
    notifications.mark_read(person=reader, uuid=str(already_read.uuid))
    old = _notify(actor, organisation, [reader], kind=DIGEST_KIND)[0]
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
    assert mail.outbox == []

    assert send_daily_digests.call_local() == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address[reader.email].subject == "[Zwerm] 2 new notifications"
    assert by_address[reader.email].body.count("Dirk Digest updated the profile") == 2
    assert by_address[dutch.email].subject == "[Zwerm] 1 nieuwe melding"
    mail.outbox.clear()
    assert send_daily_digests.call_local() == 0 and mail.outbox == []


def test_digest_follows_the_current_choice(organisation):
    actor, person = person_in(organisation), person_in(organisation)
    _notify(actor, organisation, [person], kind=DIGEST_KIND)
    notifications.preferences_set(actor=Actor(person=person), channels={DIGEST_KIND: "app"})
    assert send_daily_digests.call_local() == 0


def test_preferences_set_validates_and_records_once(organisation):
    person = person_in(organisation)
    with pytest.raises(ValidationFailed):
        notifications.preferences_set(actor=Actor(person=person), channels={"nope": "app"})
    with pytest.raises(ValidationFailed):
        notifications.preferences_set(actor=Actor(person=person), channels={KIND: "loud"})
    notifications.preferences_set(actor=Actor(person=person), channels={KIND: "app"})
    notifications.preferences_set(actor=Actor(person=person), channels={KIND: "app"})
    activity = Activity.objects.get(verb="core.notifications.preferences_changed")
    assert activity.payload == {"kinds": [KIND]} and activity.organisation_uuid is None


# API ---------------------------------------------------------------------------------------


def test_notifications_api_lists_marks_and_counts(api_for, organisation):
    actor, person = person_in(organisation), person_in(organisation)
    first = _notify(actor, organisation, [person])[0]
    _notify(actor, organisation, [person])
    client = api_for(person, organisation)
    body = client.get("notifications").json()
    assert body["count"] == 2 and body["unread"] == 2
    assert body["items"][0]["activity"]["verb"] == "organisations.organisation.updated"
    marked = client.post("notifications/read", {"uuid": str(first.uuid)}).json()
    assert marked == {"marked": 1, "unread": 1}
    assert client.get("notifications", {"unread": "true"}).json()["count"] == 1
    assert client.post("notifications/read", {}).json() == {"marked": 1, "unread": 0}


def test_notifications_api_bad_input_and_other_peoples_notifications(api, api_for, organisation):
    actor, person, other = (person_in(organisation) for _ in range(3))
    theirs = _notify(actor, organisation, [other])[0]
    client = api_for(person)
    assert_error_format(api.get("notifications"), 401)
    assert_error_format(api.post("notifications/read", {}), 401)
    assert_error_format(client.post("notifications/read", {"uuid": "nope"}), 422)
    assert_error_format(client.get("notifications", {"limit": "abc"}), 422)
    assert client.post("notifications/read", {"uuid": str(theirs.uuid)}).json()["marked"] == 0
    assert client.get("notifications").json()["count"] == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_notifications_api_bounded_queries(api_for, organisation, django_assert_max_num_queries):
    person = person_in(organisation)
    client = api_for(person)
    for count in (5, 50):
        for _number in range(count):
            _notify(person_in(organisation), organisation, [person])
        with django_assert_max_num_queries(10):
            assert client.get("notifications", {"limit": 100}).status_code == 200


def test_preferences_api(api, api_for, organisation):
    person = person_in(organisation)
    client = api_for(person)
    body = client.get("notifications/preferences").json()
    by_kind = {item["kind"]: item for item in body["items"]}
    assert by_kind[DIGEST_KIND]["channel"] == "digest" and body["channels"] == [
        "immediate", "digest", "app", "off",
    ]
    changed = client.put("notifications/preferences", {"channels": {KIND: "off"}}).json()
    assert {i["kind"]: i["channel"] for i in changed["items"]}[KIND] == "off"
    assert NotificationPreference.objects.get(person=person, kind=KIND).channel == "off"
    assert "kind" in assert_error_format(
        client.put("notifications/preferences", {"channels": {"x.y": "off"}}), 422
    )["fields"]
    assert KIND in assert_error_format(
        client.put("notifications/preferences", {"channels": {KIND: "loud"}}), 422
    )["fields"]
    assert_error_format(client.put("notifications/preferences", {"channels": "off"}), 422)
    assert_error_format(api.get("notifications/preferences"), 401)


# Pages -------------------------------------------------------------------------------------


def test_notification_page_and_htmx_mark_read(client, organisation, django_assert_max_num_queries):
    person = person_in(organisation)
    client.force_login(person)
    for count in (5, 50):
        for _number in range(count):
            _notify(person_in(organisation, name_visibility="ecosystems"), organisation, [person])
        with django_assert_max_num_queries(16):
            response = client.get("/notifications/")
        assert response.status_code == 200
    target = Notification.objects.filter(recipient=person).first()
    response = client.post(
        "/notifications/read/", {"uuid": str(target.uuid)}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert f'id="notification-{target.uuid}"' in response.content.decode()
    assert 'hx-swap-oob="true"' in response.content.decode()
    target.refresh_from_db()
    assert target.read_at is not None
    response = client.post("/notifications/read/", {"uuid": "garbage"})
    assert response.status_code == 302
    client.post("/notifications/read/")
    assert not Notification.objects.filter(recipient=person, read_at__isnull=True).exists()
    assert client.get("/notifications/?unread=1").status_code == 200


def test_notification_page_needs_sign_in(client):
    assert client.get("/notifications/").status_code == 302
