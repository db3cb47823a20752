"""The ledger's panels on other pages, the privacy export, organisation merges and the
daily reminder task."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

from zwerm.collaboration.handlers import ledger as handlers
from zwerm.collaboration.models import Contribution
from zwerm.collaboration.panels import ledger as panels
from zwerm.collaboration.services import ledger as services
from zwerm.collaboration.tests.ledger.helpers import in_days, scene, today
from zwerm.core.actor import Actor
from zwerm.core.panels import panels_for
from zwerm.core.privacy import export_sections

pytestmark = pytest.mark.django_db


def request_for(person=None, organisation=None):
    request = RequestFactory().get("/")
    request.user = person or AnonymousUser()
    request.actor = Actor(person=person, organisation=organisation)
    return request


def test_panels_are_registered_in_their_slots():
    for slot, template in [
        ("ecosystem_subnav", "collaboration/ledger/panels/_subnav.html"),
        ("working_group_sections", "collaboration/ledger/panels/_section.html"),
        ("deliverable_sections", "collaboration/ledger/panels/_section.html"),
        ("initiative_actions", "collaboration/ledger/panels/_initiative.html"),
        ("organisation_actions", "collaboration/ledger/panels/_organisation.html"),
    ]:
        assert template in [p.template_name for p in panels_for(slot)], slot


def test_deliverable_section_shows_promised_versus_delivered_and_a_commit_link():
    s = scene()
    commitment = services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                          quantity="10", due_on=in_days(3),
                                          deliverable=s.deliverable)
    services.contribution_record(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                 quantity="4", given_on=today(), description="Werk",
                                 commitment=commitment)
    context = panels.deliverable_sections(request_for(s.third_person, s.third), s.deliverable)
    assert context["can_commit"] and [c.uuid for c in context["commitments"]] == [
        commitment.uuid]
    html = render_to_string("collaboration/ledger/panels/_section.html", context)
    assert f"?deliverable={s.deliverable.uuid}" in html
    assert 'max="10.00" value="4.00"' in html
    anonymous = panels.working_group_sections(request_for(), s.group)
    assert anonymous is not None and not anonymous["can_commit"]


def test_sections_hide_members_only_ecosystems():
    s = scene("members")
    assert panels.deliverable_sections(request_for(), s.deliverable) is None
    assert panels.organisation_actions(request_for(), s.giver) is None
    assert panels.organisation_actions(request_for(s.third_person), s.giver)["ecosystems"] == [
        s.ecosystem]


def test_export_lists_what_a_person_committed_recorded_and_acknowledged():
    s = scene()
    services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                             quantity="10", due_on=in_days(3), deliverable=s.deliverable)
    entry = services.contribution_record(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                         quantity="4", given_on=today(), description="Werk",
                                         deliverable=s.deliverable)
    services.contribution_acknowledge(actor=s.receiving, contribution=entry)
    exported = handlers.export_person(s.giver_person)
    assert exported["commitments"][0]["quantity"] == "10.00"
    assert exported["contributions"][0]["description"] == "Werk"
    assert handlers.export_person(s.receiver_person)["acknowledgements"][0][
        "contribution_uuid"] == str(entry.uuid)
    assert "collaboration_ledger" in export_sections(s.giver_person)


def test_merge_moves_commitments_and_both_sides_of_entries():
    s = scene()
    services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                             quantity="10", due_on=in_days(3), deliverable=s.deliverable)
    given = services.contribution_record(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                                         quantity="4", given_on=today(), description="Werk",
                                         recipient=s.third, beneficiaries=[s.third, s.receiver])
    received = services.contribution_record(actor=s.other, ecosystem=s.ecosystem,
                                            type="money", quantity="5", given_on=today(),
                                            description="Geld", recipient=s.giver,
                                            beneficiaries=[s.giver])
    handlers.on_merge(actor=Actor.system(), source=s.giver, target=s.receiver)
    given.refresh_from_db()
    received.refresh_from_db()
    assert given.giver_organisation == s.receiver
    assert received.recipient == s.receiver
    assert set(given.beneficiaries.all()) == {s.third, s.receiver}  # no duplicate row
    assert list(received.beneficiaries.all()) == [s.receiver]
    assert s.receiver.collaboration_commitments.count() == 1
    assert not Contribution.objects.filter(giver_organisation=s.giver).exists()


def test_the_periodic_task_reminds_through_the_service():
    from zwerm.collaboration import tasks
    from zwerm.collaboration.tasks_ledger import remind_due_commitments

    assert hasattr(tasks, "tasks_ledger")
    s = scene()
    services.commitment_make(actor=s.giving, ecosystem=s.ecosystem, type="hours",
                             quantity="10", due_on=in_days(2), deliverable=s.deliverable)
    assert remind_due_commitments.call_local() == 1
    assert remind_due_commitments.call_local() == 0
