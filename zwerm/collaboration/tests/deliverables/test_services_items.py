"""Milestones, links and attachments: happy paths, refusals, and what the activity says."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from zwerm.collaboration.models import Attachment, DeliverableLink, Milestone
from zwerm.collaboration.services.deliverables_attachments import (
    attachment_add,
    attachment_remove,
    link_add,
    link_remove,
)
from zwerm.collaboration.services.deliverables_milestones import (
    milestone_add,
    milestone_move,
    milestone_remove,
    milestone_reorder,
    milestone_state_set,
    milestone_update,
)
from zwerm.collaboration.tests.deliverables.conftest import PDF
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.models import Activity
from zwerm.ecosystems.tests.factories import member_organisation

pytestmark = pytest.mark.django_db


def titles(deliverable):
    return list(deliverable.milestones.order_by("position").values_list("title", flat=True))


# Milestones --------------------------------------------------------------------------------


def test_milestones_are_added_in_order_and_count_towards_progress(setup):
    deliverable = setup.with_milestones(3)
    assert titles(deliverable) == ["Stap 1", "Stap 2", "Stap 3"]
    first = deliverable.milestones.order_by("position").first()
    milestone_state_set(actor=setup.owner, milestone=first, state="done")
    first.refresh_from_db()
    assert first.done_at is not None
    deliverable.refresh_from_db()
    assert deliverable.progress == 33
    milestone_state_set(actor=setup.owner, milestone=first, state="in_progress")
    first.refresh_from_db()
    assert first.done_at is None
    assert Activity.objects.filter(verb="collaboration.milestone.added").count() == 3


def test_milestone_bad_input(setup):
    deliverable = setup.deliverable()
    with pytest.raises(ValidationFailed) as caught:
        milestone_add(actor=setup.owner, deliverable=deliverable, title=" ")
    assert "title" in caught.value.fields
    with pytest.raises(ValidationFailed):
        milestone_add(actor=setup.owner, deliverable=deliverable, title="x", due_on="morgen")
    milestone = milestone_add(actor=setup.owner, deliverable=deliverable, title="Stap")
    with pytest.raises(ValidationFailed):
        milestone_state_set(actor=setup.owner, milestone=milestone, state="half")
    with pytest.raises(Conflict):
        milestone_state_set(actor=setup.owner, milestone=milestone, state="open")
    with pytest.raises(NotAllowed):
        milestone_add(actor=setup.other, deliverable=deliverable, title="Stap van een ander")


def test_milestone_update(setup):
    deliverable = setup.with_milestones(1)
    milestone = deliverable.milestones.get()
    due = datetime.date(2031, 5, 1)
    milestone_update(actor=setup.owner, milestone=milestone, title="Ontwerp", due_on=due)
    milestone.refresh_from_db()
    assert (milestone.title, milestone.due_on) == ("Ontwerp", due)
    with pytest.raises(ValidationFailed):
        milestone_update(actor=setup.owner, milestone=milestone, title="")


def test_move_and_reorder(setup):
    deliverable = setup.with_milestones(3)
    third = deliverable.milestones.get(title="Stap 3")
    milestone_move(actor=setup.owner, milestone=third, direction="up")
    assert titles(deliverable) == ["Stap 1", "Stap 3", "Stap 2"]
    first = deliverable.milestones.get(title="Stap 1")
    with pytest.raises(Conflict):
        milestone_move(actor=setup.owner, milestone=first, direction="up")
    with pytest.raises(ValidationFailed):
        milestone_move(actor=setup.owner, milestone=first, direction="sideways")
    by_title = {m.title: m for m in deliverable.milestones.all()}
    milestone_reorder(actor=setup.owner, deliverable=deliverable,
                      order=[by_title[t].uuid for t in ("Stap 2", "Stap 1", "Stap 3")])
    assert titles(deliverable) == ["Stap 2", "Stap 1", "Stap 3"]
    activity = Activity.objects.filter(verb="collaboration.milestone.reordered").order_by(
        "seq").last()
    assert activity.payload["order"][0] == str(by_title["Stap 2"].uuid)
    for bad in ([by_title["Stap 1"].uuid], [by_title["Stap 1"].uuid] * 3, []):
        with pytest.raises(ValidationFailed):
            milestone_reorder(actor=setup.owner, deliverable=deliverable, order=bad)


def test_only_open_milestones_are_removed(setup):
    deliverable = setup.with_milestones(2)
    first, second = deliverable.milestones.order_by("position")
    milestone_state_set(actor=setup.owner, milestone=second, state="in_progress")
    with pytest.raises(Conflict):
        milestone_remove(actor=setup.owner, milestone=second)
    milestone_remove(actor=setup.owner, milestone=first)
    assert list(Milestone.objects.all()) == [second]
    assert Activity.objects.filter(verb="collaboration.milestone.removed").count() == 1


def test_overdue_milestone(setup):
    deliverable = setup.deliverable()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    milestone = milestone_add(actor=setup.owner, deliverable=deliverable, title="Laat",
                              due_on=yesterday)
    assert milestone.is_overdue
    milestone_state_set(actor=setup.owner, milestone=milestone, state="done")
    milestone.refresh_from_db()
    assert not milestone.is_overdue


# Links -------------------------------------------------------------------------------------


def test_links(setup):
    deliverable = setup.deliverable()
    link = link_add(actor=setup.owner, deliverable=deliverable, kind="repository",
                    url="https://example.org/beton.git", title="Broncode")
    assert link.kind == "repository"
    with pytest.raises(Conflict):
        link_add(actor=setup.owner, deliverable=deliverable, kind="document",
                 url="https://example.org/beton.git")
    link_remove(actor=setup.owner, link=link)
    assert not DeliverableLink.objects.exists()
    assert Activity.objects.filter(verb__startswith="collaboration.deliverable_link.").count() \
        == 2


@pytest.mark.parametrize(("kind", "url", "field"), [
    ("document", "javascript:alert(1)", "url"),
    ("document", "ftp://example.org/file", "url"),
    ("document", "example.org", "url"),
    ("document", "", "url"),
    ("document", "https://example.org/" + "a" * 500, "url"),
    ("video", "https://example.org", "kind"),
])
def test_link_refusals(setup, kind, url, field):
    deliverable = setup.deliverable()
    with pytest.raises(ValidationFailed) as caught:
        link_add(actor=setup.owner, deliverable=deliverable, kind=kind, url=url)
    assert field in caught.value.fields


# Attachments -------------------------------------------------------------------------------


def upload(data=PDF, name="rapport.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_attachment_is_stored_under_a_random_name(setup):
    deliverable = setup.deliverable()
    attachment = attachment_add(actor=setup.owner, deliverable=deliverable,
                                upload=upload(name="../../Geheim plan.pdf"))
    assert attachment.name == "Geheim plan.pdf"
    assert attachment.content_type == "application/pdf" and attachment.size == len(PDF)
    assert "Geheim" not in attachment.file.name and attachment.file.name.endswith(".pdf")
    assert attachment.file.read() == PDF
    activity = Activity.objects.get(verb="collaboration.attachment.added")
    assert attachment.file.name not in str(activity.payload)
    assert set(activity.payload) == {"deliverable", "content_type", "size"}


def test_attachment_type_follows_the_content_not_the_browser(setup):
    deliverable = setup.deliverable()
    attachment = attachment_add(actor=setup.owner, deliverable=deliverable,
                                upload=upload(b"a;b\n1;2\n", "tabel.csv", "application/pdf"))
    assert attachment.content_type == "text/csv"


@pytest.mark.parametrize(("data", "name", "code"), [
    (b"", "leeg.pdf", "empty"),
    (b"<html></html>", "pagina.html", "file_type"),
    (b"MZ\x90\x00", "rapport.pdf", "file_type"),
])
def test_attachment_refusals(setup, data, name, code):
    deliverable = setup.deliverable()
    with pytest.raises(ValidationFailed) as caught:
        attachment_add(actor=setup.owner, deliverable=deliverable, upload=upload(data, name))
    assert caught.value.code == code and "file" in caught.value.fields
    assert not Attachment.objects.exists()


def test_attachment_size_limit(setup, settings):
    settings.ZWERM_ATTACHMENT_MAX_BYTES = 40
    deliverable = setup.deliverable()
    with pytest.raises(ValidationFailed) as caught:
        attachment_add(actor=setup.owner, deliverable=deliverable, upload=upload(PDF + b"x" * 40))
    assert caught.value.code == "too_large"
    assert attachment_add(actor=setup.owner, deliverable=deliverable,
                          upload=upload(PDF[:40])).size == 40


def test_who_removes_an_attachment(setup, django_capture_on_commit_callbacks):
    deliverable = setup.deliverable()
    attachment = attachment_add(actor=setup.colleague, deliverable=deliverable, upload=upload())
    storage, stored = attachment.file.storage, attachment.file.name
    third_org, third_admin = member_organisation(setup.ecosystem)
    with pytest.raises(NotAllowed):
        attachment_remove(actor=Actor(person=third_admin, organisation=third_org),
                          attachment=attachment)
    with django_capture_on_commit_callbacks(execute=True):
        attachment_remove(actor=setup.fac, attachment=attachment)
    assert not Attachment.objects.exists() and not storage.exists(stored)
    assert Activity.objects.filter(verb="collaboration.attachment.removed").count() == 1


def test_uploader_removes_their_own_file(setup):
    setup.join(setup.owner)
    deliverable = setup.deliverable(actor=setup.lead, working_group=setup.group)
    # The lead edits (and uploads) without belonging to the owner organisation.
    attachment = attachment_add(actor=setup.lead, deliverable=deliverable, upload=upload())
    deliverable.owner = setup.org
    deliverable.save()
    attachment_remove(actor=setup.lead, attachment=attachment)
    assert not Attachment.objects.exists()


def test_attachment_needs_an_editor(setup):
    deliverable = setup.deliverable()
    with pytest.raises(NotAllowed):
        attachment_add(actor=setup.other, deliverable=deliverable, upload=upload())
    with pytest.raises(ValidationFailed):
        attachment_add(actor=setup.owner, deliverable=deliverable, upload=None)
