"""The demo loads completely through the services, once, with a year of history."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command
from django.db.models import Max, Min
from django.utils import timezone

from zwerm.accounts.models import User
from zwerm.collaboration.models import (
    CollaborationSettings,
    Contribution,
    Decision,
    Deliverable,
    HandOver,
    Proposal,
    WorkingGroup,
)
from zwerm.collaboration.models import Commitment as Promise
from zwerm.core.actor import Actor
from zwerm.core.management.commands.zwerm_keys import ensure_signing_key
from zwerm.core.models import Activity, Notification
from zwerm.demo.data import LOGINS, PASSWORD
from zwerm.demo.loader import sign_log
from zwerm.ecosystems import services as ecosystems
from zwerm.ecosystems.models import Ecosystem, Membership, MembershipEvent, Role
from zwerm.events.models import Answer, Event, EventSeries, Question, Registration
from zwerm.ideation.models import (
    Ballot,
    Challenge,
    Cluster,
    Comment,
    Commitment,
    Idea,
    IdeaMerge,
    Initiative,
    Result,
)
from zwerm.matchmaking.models import Connection, Introduction
from zwerm.organisations import services as organisations
from zwerm.organisations.models import Organisation, OrganisationMember, ProfileEntry
from zwerm.transparency.models import Checkpoint, LogEntry

pytestmark = pytest.mark.django_db

COUNTED = (Organisation, OrganisationMember, ProfileEntry, User, EmailAddress, Ecosystem,
           Membership, MembershipEvent, Role, Activity, Notification, EventSeries, Event,
           Question, Registration, Answer, Challenge, Idea, Comment, Cluster, Ballot, Result,
           Initiative, Commitment, Introduction, Connection, LogEntry, Checkpoint)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture
def signing_key(tmp_path, monkeypatch):
    path = tmp_path / "keys" / "signing.pem"
    ensure_signing_key(path)
    monkeypatch.setenv("ZWERM_SIGNING_KEY", str(path))
    return path


@pytest.fixture
def demo(signing_key):
    output = StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


def test_a_second_run_neither_fails_nor_duplicates(demo):
    before = _counts()
    call_command("load_demo", stdout=StringIO())
    assert _counts() == before


def test_at_least_thirty_organisations_of_every_kind_with_offers_and_seeks(demo):
    organisations = Organisation.objects.all()
    assert organisations.count() >= 30
    assert set(organisations.values_list("kind", flat=True)) == set(Organisation.Kind.values)
    for organisation in organisations:
        kinds = set(organisation.entries.values_list("kind", flat=True))
        assert kinds == {"offer", "seek"}, organisation
        assert organisation.kvk_number or organisation.oin or organisation.kind == "other"
    assert Organisation.objects.filter(kind="government", oin__regex=r"^\d{20}$").count() >= 5


def test_four_ecosystems_public_and_members_only_with_memberships_in_every_state(demo):
    assert Ecosystem.objects.count() == 4
    assert set(Ecosystem.objects.values_list("visibility", flat=True)) == {"public", "members"}
    states = set(Membership.objects.values_list("state", flat=True))
    assert states == set(Membership.State.values)
    assert Membership.objects.filter(kind="observer", state="active").exists()
    for ecosystem in Ecosystem.objects.all():
        assert ecosystem.roles.filter(name="facilitator", ended_at__isnull=True).count() >= 2
        assert ecosystem.roles.filter(name="delegate", ended_at__isnull=True).exists()


def test_activities_are_spread_over_about_a_year_in_sequence_order(demo):
    span = Activity.objects.aggregate(first=Min("created_at"), last=Max("created_at"))
    assert span["last"] - span["first"] > timedelta(days=300)
    times = list(Activity.objects.order_by("seq").values_list("created_at", flat=True))
    assert times == sorted(times)
    months = {moment.strftime("%Y-%m") for moment in times}
    assert len(months) >= 12
    first_event = MembershipEvent.objects.aggregate(first=Min("created_at"))["first"]
    assert first_event < span["last"] - timedelta(days=200)


def test_the_demo_logins_sign_in_and_the_readme_lists_them(demo, client):
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    assert PASSWORD in readme
    for email, _what in LOGINS:
        assert email in readme
        person = User.objects.get(email=email)
        assert person.check_password(PASSWORD)
        assert EmailAddress.objects.get(user=person, email=email).verified
    operator = User.objects.get(email=LOGINS[-1][0])
    assert operator.is_staff and operator.is_superuser
    assert client.login(username=LOGINS[0][0], password=PASSWORD)


def test_demo_logins_prints_every_login(capsys):
    call_command("demo_logins")
    printed = capsys.readouterr().out
    assert PASSWORD in printed
    assert all(email in printed for email, _what in LOGINS)


def test_events_round_tables_registrations_waiting_list_and_check_in(demo):
    now = timezone.now()
    assert EventSeries.objects.count() == 4
    assert set(EventSeries.objects.values_list("ecosystem__slug", flat=True)) == set(
        Ecosystem.objects.values_list("slug", flat=True))
    round_tables = Event.objects.filter(kind="round_table")
    assert round_tables.filter(starts_at__lt=now).count() >= 30
    assert round_tables.filter(starts_at__gt=now).count() >= 4
    past = round_tables.filter(starts_at__lt=now)
    assert past.exclude(minutes="").count() >= 10
    assert past.exclude(agenda="").count() >= 20
    checked_in = Registration.objects.filter(checked_in_at__isnull=False)
    assert checked_in.count() >= 150
    assert not checked_in.filter(event__starts_at__gt=now).exists()
    upcoming = Registration.objects.filter(event__starts_at__gt=now, state="confirmed")
    assert upcoming.filter(event__kind="round_table").count() >= 15
    assert set(Event.objects.values_list("kind", flat=True)) == set(Event.Kind.values)
    meetup = Event.objects.get(kind="meetup")
    assert meetup.registrations.filter(state="confirmed").count() == meetup.capacity
    assert meetup.registrations.filter(state="waiting").count() >= 2
    assert meetup.registrations.filter(state="cancelled").count() == 1
    assert Event.objects.filter(kind="webinar", mode="online").count() == 2
    annual = Event.objects.get(kind="annual_event", visibility="public")
    assert annual.questions.count() == 4
    assert annual.registration_opens_at < now < annual.registration_closes_at
    assert Answer.objects.filter(registration__event=annual).count() >= 30
    guest = annual.registrations.get(person=None)
    assert guest.state == "confirmed" and guest.seat
    assert Registration.objects.count() >= 300


def test_a_challenge_walked_to_closed_and_one_collecting_ideas(demo):
    closed = Challenge.objects.get(ecosystem__slug="circulaire-bouwmaterialen-delta")
    assert closed.phase == "closed" and closed.weighting == "organisation"
    round_table = Event.objects.get(follow_up_challenge_uuid=closed.uuid)
    assert closed.source_uuid == round_table.uuid and round_table.minutes
    assert closed.ideas.count() >= 10 and IdeaMerge.objects.count() == 1
    assert Comment.objects.filter(idea__challenge=closed).count() >= 8
    assert closed.clusters.filter(state="accepted").count() == 4
    ballots = Ballot.objects.filter(challenge=closed)
    assert ballots.count() >= 10
    assert ballots.values("organisation").distinct().count() >= 8
    result = Result.objects.get(challenge=closed)
    assert result.data["ballots"] == ballots.count() and result.data["winner"]
    started, short = closed.initiatives.order_by("created_at")
    assert started.is_started and started.commitments.count() >= started.threshold
    assert not short.is_started and 0 < short.commitments.count() < short.threshold
    collecting = Challenge.objects.exclude(pk=closed.pk).get()
    assert collecting.phase == "collect" and collecting.ideas.count() >= 5
    assert not collecting.ballots.exists()


def test_introductions_in_every_state_and_the_log_signed(demo):
    states = list(Introduction.objects.values_list("state", flat=True))
    assert sorted(set(states)) == ["accepted", "declined", "pending"]
    assert Connection.objects.count() == states.count("accepted")
    assert LogEntry.objects.exists()
    assert Checkpoint.objects.count() >= 4
    assert "Signed" in demo


def test_without_a_signing_key_the_log_is_left_unsigned(tmp_path, monkeypatch):
    monkeypatch.setenv("ZWERM_SIGNING_KEY", str(tmp_path / "missing.pem"))
    person = User.objects.create(email="a@example.nl", name="A")
    organisation = organisations.organisation_create(
        actor=Actor(person=person), name="Proef B.V.", kind="company")
    ecosystems.ecosystem_create(actor=Actor(person=person, organisation=organisation),
                                name="Proef", goal="Proberen.")
    messages: list[str] = []
    sign_log(messages.append)
    assert "not signed" in messages[0] and "zwerm_keys" in messages[0]
    assert LogEntry.objects.exists() and not Checkpoint.objects.exists()


def test_keeping_together_groups_deliverables_ledger_decisions_and_a_hand_over(demo):
    ecosystem = Ecosystem.objects.get(slug="circulaire-bouwmaterialen-delta")
    assert CollaborationSettings.objects.get(ecosystem=ecosystem).unit_of_account == "euro"
    groups = WorkingGroup.objects.filter(ecosystem=ecosystem)
    assert groups.count() == 3 and groups.filter(archived_at__isnull=False).count() == 1
    grown = groups.get(initiative__isnull=False)
    assert grown.members.filter(state="active").count() >= 4
    assert grown.roles.filter(ended_at__isnull=True).count() == 2
    states = set(Deliverable.objects.values_list("state", flat=True))
    assert {"delivered", "in_progress"} <= states
    overdue = Deliverable.objects.get(title__startswith="Aanmeldplicht")
    assert overdue.due_on < timezone.localdate() and overdue.state == "in_progress"
    assert Promise.objects.filter(state="fulfilled").exists()
    assert Promise.objects.filter(state="handed_over").count() == 1
    assert HandOver.objects.get().state == "accepted"
    entries = Contribution.objects.filter(ecosystem=ecosystem)
    assert entries.filter(acknowledged_at__isnull=True).exists()
    assert entries.filter(acknowledged_at__isnull=False).count() >= 4
    assert entries.exclude(persistent_link="").count() == 2
    outcomes = sorted(Decision.objects.values_list("outcome", flat=True))
    assert outcomes == ["adopted", "not_adopted", "poll_result"]
    still_open = Proposal.objects.get(state="open")
    assert still_open.version == 2 and still_open.deadline > timezone.now()
