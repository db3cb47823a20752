"""An organisation's data in one ecosystem, as tables: for the export when it leaves.

Apps register an exporter (in ``AppConfig.ready``) with
``register_organisation_exporter(name, fn)``; ``fn(*, organisation, ecosystem)`` returns a
mapping of table names to rows (lists of dicts of plain JSON values: str, int, bool, None).
The kernel contributes the membership, its history and the roles. ``organisation_export``
assembles one document (format ``zwerm-organisation-export``, version 1, documented in
``docs/organisation-export.md``); ``export_zip`` writes it as one CSV per table plus the
JSON manifest.

Names of people follow ``zwerm.core.privacy``: a person's name appears only when the
requesting viewer may see it (``person_label``); otherwise only the person's UUID.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.utils import timezone

from zwerm.core.privacy import visible_name_ids
from zwerm.core.text import spreadsheet_safe

FORMAT = "zwerm-organisation-export"
VERSION = 1

Exporter = Callable[..., dict[str, list[dict[str, Any]]]]

_exporters: dict[str, Exporter] = {}


def register_organisation_exporter(name: str, fn: Exporter) -> None:
    """Add (or replace) an app's exporter; ``name`` prefixes nothing, it only identifies it."""
    _exporters[name] = fn


def unregister_organisation_exporter(name: str) -> None:
    _exporters.pop(name, None)


def exporter_names() -> list[str]:
    return sorted(_exporters)


def plain(value: Any) -> Any:
    """A value as plain JSON: datetimes in UTC ISO 8601, decimals and UUIDs as strings."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    return value


def uuid_of(obj: Any) -> str | None:
    return str(obj.uuid) if obj is not None else None


class PersonLabels:
    """How people are named in an export made for one viewer (batched name visibility)."""

    def __init__(self, viewer: Any, people: list[Any]) -> None:
        self.visible = visible_name_ids(viewer, {p.pk for p in people if p is not None})
        if getattr(viewer, "is_authenticated", False):
            self.visible.add(viewer.pk)

    def __call__(self, person: Any) -> str | None:
        if person is None or person.pk not in self.visible:
            return None
        return str(person)


def _kernel_tables(*, organisation: Any, ecosystem: Any, viewer: Any) -> dict[str, list]:
    from zwerm.ecosystems.models import Membership, MembershipEvent, Role

    membership = Membership.objects.filter(ecosystem=ecosystem, organisation=organisation).first()
    memberships, history = [], []
    if membership is not None:
        memberships.append({
            "uuid": str(membership.uuid), "kind": membership.kind, "state": membership.state,
            "state_changed_at": plain(membership.state_changed_at),
            "created_at": plain(membership.created_at),
        })
        history = [
            {"membership": str(membership.uuid), "from_state": event.from_state,
             "to_state": event.to_state, "kind": event.kind, "reason": event.reason,
             "at": plain(event.created_at)}
            for event in MembershipEvent.objects.filter(membership=membership)
        ]
    roles = list(Role.objects.filter(ecosystem=ecosystem, organisation=organisation)
                 .select_related("person").order_by("started_at", "id"))
    names = PersonLabels(viewer, [role.person for role in roles])
    return {
        "membership": memberships,
        "membership_history": history,
        "ecosystem_roles": [
            {"uuid": str(role.uuid), "role": role.name, "person": uuid_of(role.person),
             "person_name": names(role.person), "started_at": plain(role.started_at),
             "ended_at": plain(role.ended_at)}
            for role in roles
        ],
    }


def organisation_export(*, organisation: Any, ecosystem: Any, viewer: Any = None) -> dict:
    """The whole export document; apps' tables are added in name order."""
    tables = _kernel_tables(organisation=organisation, ecosystem=ecosystem, viewer=viewer)
    for name in exporter_names():
        for table, rows in _exporters[name](organisation=organisation, ecosystem=ecosystem,
                                            viewer=viewer).items():
            tables[table] = [{key: plain(value) for key, value in row.items()} for row in rows]
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": plain(timezone.now()),
        "ecosystem": {"uuid": str(ecosystem.uuid), "slug": ecosystem.slug,
                      "name": ecosystem.name},
        "organisation": {"uuid": str(organisation.uuid), "slug": organisation.slug,
                         "name": organisation.name},
        "tables": tables,
    }


def _csv(rows: list[dict[str, Any]]) -> str:
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return value


def export_zip(document: dict) -> bytes:
    """One CSV per table (UTF-8, header row) and ``manifest.json`` (the document without
    rows, with each table's file and row count)."""
    buffer = io.BytesIO()
    manifest = {key: value for key, value in document.items() if key != "tables"}
    manifest["tables"] = {}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table, rows in document["tables"].items():
            archive.writestr(f"{table}.csv", _csv(rows).encode("utf-8"))
            manifest["tables"][table] = {"file": f"{table}.csv", "rows": len(rows)}
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return buffer.getvalue()


# Who may export, and the recorded act -------------------------------------------------------


def exportable_membership(ecosystem: Any, organisation: Any) -> Any:
    """The organisation's membership if it ever took part (active, paused or left since)."""
    from django.db.models import Q

    from zwerm.ecosystems.models import Membership, MembershipEvent

    membership = Membership.objects.filter(ecosystem=ecosystem, organisation=organisation).first()
    if membership is None:
        return None
    if membership.state in (Membership.State.ACTIVE, Membership.State.PAUSED):
        return membership
    took_part = MembershipEvent.objects.filter(
        Q(to_state=Membership.State.ACTIVE)
        | Q(from_state__in=(Membership.State.ACTIVE, Membership.State.PAUSED)),
        membership=membership,
    ).exists()
    return membership if took_part else None


def can_export_organisation(person: Any, ecosystem: Any, organisation: Any) -> bool:
    """An organisation's admins, its delegate, and operators may take its data with them,
    also after it left (leaving is when you want your data)."""
    from zwerm.ecosystems import permissions

    if organisation is None or getattr(person, "is_authenticated", False) is False:
        return False
    if exportable_membership(ecosystem, organisation) is None:
        return False
    return (
        permissions.is_operator(person)
        or permissions.is_organisation_admin(person, organisation)
        or permissions.is_delegate(person, ecosystem, organisation)
    )


def organisation_export_make(*, actor: Any, ecosystem: Any, organisation: Any,
                             file_format: str = "json") -> dict:
    """Assemble the export and record that the organisation took its data.

    The activity is not personal: the organisation, not a private person, exports its
    records, and the other members may know that its data left the platform (the subject
    is the organisation; no file contents are in the payload).
    """
    from django.db import transaction
    from django.utils.translation import gettext as _

    from zwerm.core.activity import record
    from zwerm.core.errors import NotAllowed, ValidationFailed

    if file_format not in ("json", "csv"):
        raise ValidationFailed(_("Choose the format json or csv."), field="format")
    if not can_export_organisation(getattr(actor, "person", None), ecosystem, organisation):
        raise NotAllowed(_("Only an administrator or the delegate of %(organisation)s may "
                           "export its data.") % {"organisation": organisation})
    with transaction.atomic():
        document = organisation_export(organisation=organisation, ecosystem=ecosystem,
                                       viewer=actor.person)
        record(verb="ecosystems.organisation.exported", actor=actor, subject=organisation,
               ecosystem=ecosystem, organisation=organisation,
               payload={"format": file_format, "version": VERSION,
                        "tables": len(document["tables"])})
    return document


def _register_verb() -> None:
    from django.utils.translation import gettext_lazy as _

    from zwerm.core.verbs import register

    register("ecosystems.organisation.exported",
             _("%(actor)s exported the data of %(subject)s in %(ecosystem)s"))


_register_verb()
