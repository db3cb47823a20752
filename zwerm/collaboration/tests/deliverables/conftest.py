"""A setting for deliverables tests: an ecosystem, its facilitator, member organisations, a
working group with a lead, and files of each kind."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.utils import timezone

from zwerm.collaboration.models import WorkingGroup, WorkingGroupMember, WorkingGroupRole
from zwerm.collaboration.services.deliverables import deliverable_create
from zwerm.collaboration.services.deliverables_milestones import milestone_add
from zwerm.core.actor import Actor
from zwerm.ecosystems.tests.factories import member_organisation, started_ecosystem
from zwerm.organisations.tests.factories import person_in

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 20


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text",
                 "content.xml": b"<office/>"})
ODS = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                 "content.xml": b"<office/>"})
ZIP = zip_bytes({"readme.txt": b"hello"})


class Setup:
    """An ecosystem with a facilitator (of ``home``), two more active member organisations
    (each with an admin and a plain member) and a working group whose lead is ``lead``."""

    def __init__(self, visibility: str = "public") -> None:
        self.ecosystem, self.facilitator, self.home = started_ecosystem(visibility=visibility)
        self.fac = Actor(person=self.facilitator, organisation=self.home)
        self.org, admin = member_organisation(self.ecosystem)
        self.owner = Actor(person=admin, organisation=self.org)
        self.colleague = Actor(person=person_in(self.org), organisation=self.org)
        self.other_org, other_admin = member_organisation(self.ecosystem)
        self.other = Actor(person=other_admin, organisation=self.other_org)
        self.group = WorkingGroup.objects.create(
            ecosystem=self.ecosystem, name="Circulair beton", slug="circulair-beton",
            purpose="Beton hergebruiken.", started_by=self.other.person,
            started_for=self.other_org,
        )
        self.lead = self.other
        self.join(self.other)
        WorkingGroupRole.objects.create(working_group=self.group, name="lead",
                                        person=self.other.person, organisation=self.other_org)

    def join(self, actor: Actor, group: WorkingGroup | None = None) -> None:
        WorkingGroupMember.objects.create(
            working_group=group or self.group, person=actor.person,
            organisation=actor.organisation, state="active", joined_at=timezone.now(),
        )

    def deliverable(self, title: str = "Handboek circulair beton", actor: Actor | None = None,
                    **fields):
        return deliverable_create(actor=actor or self.owner, ecosystem=self.ecosystem,
                                  title=title, **fields)

    def with_milestones(self, count: int = 3, **fields):
        deliverable = self.deliverable(**fields)
        for number in range(count):
            milestone_add(actor=self.owner, deliverable=deliverable, title=f"Stap {number + 1}")
        return deliverable


@pytest.fixture
def setup(settings, tmp_path) -> Setup:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Setup()


@pytest.fixture
def make_setup(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Setup
