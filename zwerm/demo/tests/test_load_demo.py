"""The demo loads completely through the services, once, with a year of history."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command
from django.db.models import Max, Min

from zwerm.accounts.models import User
from zwerm.core.models import Activity, Notification
from zwerm.demo.data import LOGINS, PASSWORD
from zwerm.ecosystems.models import Ecosystem, Membership, MembershipEvent, Role
from zwerm.organisations.models import Organisation, OrganisationMember, ProfileEntry

pytestmark = pytest.mark.django_db

COUNTED = (Organisation, OrganisationMember, ProfileEntry, User, EmailAddress, Ecosystem,
           Membership, MembershipEvent, Role, Activity, Notification)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


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
