"""Kernel hooks: a person's export lists what they created and uploaded (never file paths);
an organisation merge moves the deliverables it owned."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from zwerm.collaboration.handlers import deliverables as handlers
from zwerm.collaboration.models import Deliverable
from zwerm.collaboration.services.deliverables_attachments import attachment_add
from zwerm.collaboration.tests.deliverables.conftest import PDF
from zwerm.core import privacy
from zwerm.core.actor import Actor
from zwerm.organisations import hooks
from zwerm.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_export_of_a_person(setup):
    deliverable = setup.deliverable(description="Wat we weten")
    attachment = attachment_add(actor=setup.owner, deliverable=deliverable,
                                upload=SimpleUploadedFile("plan.pdf", PDF))
    section = privacy.export_sections(setup.owner.person)["collaboration_deliverables"]
    [created] = section["deliverables_created"]
    assert created["uuid"] == str(deliverable.uuid) and created["description"] == "Wat we weten"
    [uploaded] = section["attachments_uploaded"]
    assert uploaded["name"] == "plan.pdf" and uploaded["size"] == len(PDF)
    assert attachment.file.name not in str(section)
    assert handlers.export_person(setup.other.person) == {
        "deliverables_created": [], "attachments_uploaded": []}


def test_merge_moves_owned_deliverables(setup):
    deliverable = setup.deliverable()
    other = setup.deliverable("Van een ander", actor=setup.other)
    target = OrganisationFactory()
    assert handlers.on_merge in hooks._merge
    hooks.run_merge(actor=Actor.system(), source=setup.org, target=target)
    assert Deliverable.objects.get(pk=deliverable.pk).owner == target
    assert Deliverable.objects.get(pk=other.pk).owner == setup.other_org
