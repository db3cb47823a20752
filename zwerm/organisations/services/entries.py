"""Writes about what an organisation offers and seeks: add, edit, remove, reorder."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import ValidationFailed
from zwerm.organisations.models import Organisation, ProfileEntry
from zwerm.organisations.services.profile import _require_edit

MAX_ENTRIES_PER_KIND = 30


def _verb(entry: ProfileEntry, action: str) -> str:
    return f"organisations.{entry.kind}.{action}"


def _clean(title: str, description: str) -> tuple[str, str]:
    title = " ".join((title or "").split())
    description = (description or "").strip()
    errors: dict[str, list[str]] = {}
    if not title:
        errors["title"] = [_("Give it a short title.")]
    elif len(title) > 120:
        errors["title"] = [_("A title has at most 120 characters.")]
    if len(description) > 2000:
        errors["description"] = [_("A description has at most 2,000 characters.")]
    if errors:
        raise ValidationFailed(_("Some fields are missing or invalid."), fields=errors)
    return title, description


@transaction.atomic
def entry_create(
    *, actor: Actor, organisation: Organisation, kind: str, title: str, description: str = ""
) -> ProfileEntry:
    """Add an offer or a request at the end of its list."""
    _require_edit(actor, organisation)
    if kind not in ProfileEntry.Kind.values:
        raise ValidationFailed(_("Choose whether the organisation offers or seeks this."),
                               field="kind")
    title, description = _clean(title, description)
    existing = organisation.entries.filter(kind=kind)
    if existing.count() >= MAX_ENTRIES_PER_KIND:
        raise ValidationFailed(
            _("An organisation can list at most %(count)d offers and %(count)d requests.")
            % {"count": MAX_ENTRIES_PER_KIND}
        )
    last = existing.aggregate(last=Max("position"))["last"]
    entry = ProfileEntry.objects.create(
        organisation=organisation, kind=kind, title=title, description=description,
        position=0 if last is None else last + 1,
    )
    record(verb=_verb(entry, "created"), actor=actor, subject=entry, organisation=organisation)
    return entry


@transaction.atomic
def entry_update(
    *, actor: Actor, entry: ProfileEntry, title: str, description: str = ""
) -> ProfileEntry:
    _require_edit(actor, entry.organisation)
    title, description = _clean(title, description)
    changed = [
        field for field, value in (("title", title), ("description", description))
        if getattr(entry, field) != value
    ]
    if not changed:
        return entry
    entry.title, entry.description = title, description
    entry.save(update_fields=[*changed, "updated_at"])
    record(
        verb=_verb(entry, "updated"), actor=actor, subject=entry,
        organisation=entry.organisation, payload={"fields": changed},
    )
    return entry


@transaction.atomic
def entry_delete(*, actor: Actor, entry: ProfileEntry) -> None:
    _require_edit(actor, entry.organisation)
    record(verb=_verb(entry, "deleted"), actor=actor, subject=entry,
           organisation=entry.organisation)
    entry.delete()


@transaction.atomic
def entries_reorder(
    *, actor: Actor, organisation: Organisation, kind: str, order: list[uuid.UUID]
) -> list[ProfileEntry]:
    """Put the offers (or requests) in the given order; the list must name each exactly once."""
    _require_edit(actor, organisation)
    if kind not in ProfileEntry.Kind.values:
        raise ValidationFailed(_("Choose whether to reorder offers or requests."), field="kind")
    entries = {entry.uuid: entry for entry in organisation.entries.filter(kind=kind)}
    try:
        wanted = [uuid.UUID(str(value)) for value in order]
    except ValueError:
        raise ValidationFailed(_("The new order names an unknown entry."), field="order") from None
    if len(wanted) != len(set(wanted)) or set(wanted) != set(entries):
        raise ValidationFailed(
            _("The new order must name every entry of this list exactly once."), field="order"
        )
    changed = []
    for position, key in enumerate(wanted):
        entry = entries[key]
        if entry.position != position:
            entry.position = position
            changed.append(entry)
    if changed:
        ProfileEntry.objects.bulk_update(changed, ["position"])
        record(
            verb="organisations.entries.reordered", actor=actor, subject=organisation,
            organisation=organisation,
            payload={"kind": kind, "order": [str(key) for key in wanted]},
        )
    return [entries[key] for key in wanted]


@transaction.atomic
def entry_move(*, actor: Actor, entry: ProfileEntry, offset: int) -> list[ProfileEntry]:
    """Move one entry up (-1) or down (+1) in its list: the page's buttons."""
    siblings = list(
        entry.organisation.entries.filter(kind=entry.kind).values_list("uuid", flat=True)
    )
    index = siblings.index(entry.uuid)
    target = max(0, min(len(siblings) - 1, index + offset))
    siblings.insert(target, siblings.pop(index))
    return entries_reorder(
        actor=actor, organisation=entry.organisation, kind=entry.kind, order=siblings
    )
