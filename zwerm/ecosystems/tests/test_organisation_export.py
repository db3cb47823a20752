"""The organisation data export: one JSON document or CSV files in a zip, for the
organisation's admins and delegate (and operators), also after it left."""

import csv
import io
import json
import zipfile

import pytest

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.models import Activity
from zwerm.core.testing.fixtures import assert_error_format
from zwerm.ecosystems import exports
from zwerm.ecosystems.models import Membership, Role
from zwerm.ecosystems.services import membership_leave
from zwerm.ecosystems.tests.factories import (
    EcosystemFactory,
    actor,
    member_organisation,
)
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def left_member():
    """A members-only ecosystem and an organisation that took part, then left."""
    ecosystem = EcosystemFactory(visibility="members")
    organisation, admin = member_organisation(ecosystem, state="requested")
    membership = Membership.objects.get(organisation=organisation)
    membership.state = "active"
    membership.save()
    membership.events.create(from_state="requested", to_state="active", kind="member")
    Role.objects.create(ecosystem=ecosystem, organisation=organisation, person=admin,
                        name="delegate")
    membership_leave(actor=actor(admin, organisation), membership=membership,
                     reason="Het project is klaar.")
    return ecosystem, organisation, admin


def test_json_export_holds_the_membership_history_and_roles(left_member, client):
    ecosystem, organisation, admin = left_member
    client.force_login(admin)
    response = client.post(f"/ecosystems/{ecosystem.slug}/export/{organisation.slug}.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert (document["format"], document["version"]) == ("zwerm-organisation-export", 1)
    assert document["exported_at"].endswith("Z")
    assert document["organisation"]["slug"] == organisation.slug
    assert document["ecosystem"]["slug"] == ecosystem.slug
    tables = document["tables"]
    assert tables["membership"][0]["state"] == "left"
    assert [e["to_state"] for e in tables["membership_history"]] == ["active", "left"]
    assert tables["membership_history"][-1]["reason"] == "Het project is klaar."
    assert tables["ecosystem_roles"][0]["role"] == "delegate"
    assert tables["ecosystem_roles"][0]["ended_at"] is not None
    for table in ("commitments", "hand_overs", "event_registrations", "ideas"):
        assert table in tables  # the apps' exporters are registered
    activity = Activity.objects.get(verb="ecosystems.organisation.exported")
    assert activity.subject_uuid == organisation.uuid
    assert activity.payload["format"] == "json"


def test_zip_export_has_one_csv_per_table_and_the_manifest(left_member, client):
    ecosystem, organisation, admin = left_member
    client.force_login(admin)
    response = client.post(f"/ecosystems/{ecosystem.slug}/export/{organisation.slug}.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == "zwerm-organisation-export" and "tables" in manifest
    assert manifest["tables"]["membership_history"] == {"file": "membership_history.csv",
                                                        "rows": 2}
    rows = list(csv.DictReader(io.StringIO(archive.read("membership_history.csv")
                                           .decode("utf-8"))))
    assert [row["to_state"] for row in rows] == ["active", "left"]
    assert set(manifest["tables"]) == {name[:-4] for name in archive.namelist()
                                       if name.endswith(".csv")}


def test_who_may_export(left_member, client):
    ecosystem, organisation, admin = left_member
    url = f"/ecosystems/{ecosystem.slug}/export/{organisation.slug}.json"
    client.force_login(person_in(organisation))
    assert client.post(url).status_code == 404  # members-only, and no longer a member
    other, other_admin = member_organisation(ecosystem)
    client.force_login(other_admin)
    assert client.post(url).status_code == 403  # sees the ecosystem, not this organisation's data
    client.force_login(UserFactory(is_staff=True))
    assert client.post(url).status_code == 200
    client.logout()
    assert client.post(url).status_code == 302
    client.force_login(admin)
    assert client.post(f"/ecosystems/{ecosystem.slug}/export/nobody.json").status_code == 404
    assert client.post(f"/ecosystems/nowhere/export/{organisation.slug}.json").status_code == 404
    never = OrganisationFactory()
    client.force_login(admin_of(never))
    assert client.post(f"/ecosystems/{ecosystem.slug}/export/{never.slug}.json").status_code \
        == 404


def test_the_export_page_is_asked_with_a_post_and_a_get_changes_nothing(left_member, client):
    ecosystem, organisation, admin = left_member
    client.force_login(admin)
    url = f"/ecosystems/{ecosystem.slug}/export/{organisation.slug}.json"
    assert client.get(url).status_code == 405
    assert not Activity.objects.filter(verb="ecosystems.organisation.exported").exists()


def test_export_api(left_member, api_for):
    ecosystem, organisation, admin = left_member
    client = api_for(admin, organisation)
    path = f"ecosystems/{ecosystem.slug}/organisations/{organisation.slug}/export"
    response = client.get(path)
    assert response.status_code == 200
    assert response.json()["format"] == "zwerm-organisation-export"
    response = client.get(path, {"format": "csv"})
    assert response["Content-Type"] == "application/zip"
    assert "manifest.json" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    body = assert_error_format(client.get(path, {"format": "xml"}), 422)
    assert "format" in body["fields"]
    outsider = OrganisationFactory()
    assert_error_format(api_for(admin_of(outsider), outsider).get(path), 404)
    assert_error_format(
        api_for(admin, organisation).get(
            f"ecosystems/{ecosystem.slug}/organisations/nobody/export"), 404)


def test_export_api_refuses_members_who_do_not_speak_for_the_organisation(api_for):
    ecosystem = EcosystemFactory()
    organisation, admin = member_organisation(ecosystem)
    colleague = person_in(organisation)
    path = f"ecosystems/{ecosystem.slug}/organisations/{organisation.slug}/export"
    assert_error_format(api_for(colleague, organisation).get(path), 403)


def test_names_follow_the_privacy_rules():
    ecosystem = EcosystemFactory()
    organisation, admin = member_organisation(ecosystem)
    Role.objects.create(ecosystem=ecosystem, organisation=organisation, person=admin,
                        name="delegate")
    shown = exports.organisation_export(organisation=organisation, ecosystem=ecosystem,
                                        viewer=admin)
    assert shown["tables"]["ecosystem_roles"][0]["person_name"] == str(admin)
    hidden = exports.organisation_export(organisation=organisation, ecosystem=ecosystem,
                                         viewer=None)
    assert hidden["tables"]["ecosystem_roles"][0]["person_name"] is None
    assert hidden["tables"]["ecosystem_roles"][0]["person"] == str(admin.uuid)


def test_plain_values():
    from datetime import UTC, date, datetime
    from decimal import Decimal

    assert exports.plain(datetime(2026, 5, 1, 12, tzinfo=UTC)) == "2026-05-01T12:00:00Z"
    assert exports.plain(date(2026, 5, 1)) == "2026-05-01"
    assert exports.plain(Decimal("1.50")) == "1.50"
    assert exports.export_zip({"format": "x", "tables": {"empty": []}})


def test_the_leave_page_offers_the_export(client):
    ecosystem = EcosystemFactory()
    organisation, admin = member_organisation(ecosystem)
    client.force_login(admin)
    page = client.get(f"/ecosystems/{ecosystem.slug}/membership/leave/").content.decode()
    assert f"/ecosystems/{ecosystem.slug}/export/{organisation.slug}.json" in page
    assert f"/ecosystems/{ecosystem.slug}/export/{organisation.slug}.zip" in page
    client.force_login(person_in(organisation))
    page = client.get(f"/ecosystems/{ecosystem.slug}/membership/leave/").content.decode()
    assert "/export/" not in page


def test_csv_cells_typed_by_people_never_run_as_formulas():
    archive = exports.export_zip({"format": "x", "tables": {"notes": [
        {"note": "=HYPERLINK(\"https://evil.example\")", "amount": "-4", "count": 3}]}})
    text = zipfile.ZipFile(io.BytesIO(archive)).read("notes.csv").decode()
    assert "'=HYPERLINK" in text and ",-4," in text  # a number stays a number
