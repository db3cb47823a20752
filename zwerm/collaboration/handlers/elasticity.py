"""How elasticity takes part in kernel flows: the leave and pause pages list what an
organisation still holds, leaving releases it, the organisation export gets collaboration's
tables, and a person's own data export lists the hand-overs they asked or answered."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from zwerm.collaboration.models import HandOver
from zwerm.ecosystems.exports import plain
from zwerm.ecosystems.hooks import Obligation


def open_obligations(*, membership: Any) -> list[Obligation]:
    """The organisation's open commitments and the working-group roles held for it."""
    from django.urls import reverse

    from zwerm.collaboration.selectors.elasticity import held_roles, open_commitments

    ecosystem, organisation = membership.ecosystem, membership.organisation
    handle = reverse("collaboration:handover", kwargs={"ecosystem": ecosystem.slug})
    label = _("Hand over or release")
    items = [
        Obligation(
            label=_("Commitment: %(quantity)s %(unit)s of %(type)s to %(target)s, by "
                    "%(due)s") % {
                "quantity": f"{commitment.quantity.normalize():f}", "unit": commitment.unit,
                "type": commitment.get_type_display().lower(),
                "target": commitment.deliverable or commitment.working_group
                or commitment.initiative, "due": commitment.due_on.strftime("%d-%m-%Y")},
            kind="commitment", handle_url=handle, handle_label=label,
        )
        for commitment in open_commitments(ecosystem=ecosystem, organisation=organisation)
    ]
    items += [
        Obligation(
            label=_("Role: %(role)s of the working group %(group)s") % {
                "role": role.get_name_display().lower(), "group": role.working_group.name},
            kind="working_group_role", handle_url=handle, handle_label=label,
        )
        for role in held_roles(ecosystem=ecosystem, organisation=organisation)
    ]
    return items


def departure(*, actor: Any, membership: Any, action: str) -> None:
    from zwerm.collaboration.services.elasticity import departure as run

    run(actor=actor, membership=membership, action=action)


def organisation_tables(*, organisation: Any, ecosystem: Any, viewer: Any = None) -> dict:
    from zwerm.collaboration.selectors.elasticity_export import organisation_tables as tables

    return tables(organisation=organisation, ecosystem=ecosystem, viewer=viewer)


def export_person(person: Any) -> list[dict[str, Any]]:
    """Hand-overs the person asked for, answered, or was named in (their own part only)."""
    from django.db.models import Q

    rows = HandOver.objects.filter(
        Q(requested_by=person) | Q(answered_by=person) | Q(to_person=person)
    ).select_related("ecosystem", "from_organisation", "to_organisation").order_by("created_at")
    return [
        {"uuid": str(h.uuid), "ecosystem": h.ecosystem.slug,
         "item": "commitment" if h.commitment_id else "role",
         "from_organisation": h.from_organisation.name,
         "to_organisation": h.to_organisation.name if h.to_organisation_id else None,
         "state": h.state, "requested_by_me": h.requested_by_id == person.pk,
         "answered_by_me": h.answered_by_id == person.pk,
         "named_to_take_over": h.to_person_id == person.pk,
         "note": h.note if h.requested_by_id == person.pk else "",
         "answer": h.answer_reason if h.answered_by_id == person.pk else "",
         "created_at": plain(h.created_at), "answered_at": plain(h.answered_at)}
        for h in rows
    ]


def on_merge(*, actor: Any, source: Any, target: Any) -> None:
    """Hand-overs of a merged organisation move to the one it joined; a request still
    waiting between the two becomes pointless and is withdrawn."""
    from django.utils import timezone

    HandOver.objects.filter(from_organisation=source).update(from_organisation=target)
    HandOver.objects.filter(to_organisation=source).update(to_organisation=target)
    HandOver.objects.filter(from_organisation=target, to_organisation=target,
                            state=HandOver.State.PENDING).update(
        state=HandOver.State.WITHDRAWN, answered_at=timezone.now())


def register() -> None:
    """Wire this part into the kernel (panels, privacy hooks, listeners)."""
    from zwerm.core import privacy
    from zwerm.ecosystems import exports, hooks
    from zwerm.organisations import hooks as organisation_hooks

    organisation_hooks.register_merge(on_merge)

    hooks.register_open_obligations(open_obligations)
    hooks.register_departure(departure)
    exports.register_organisation_exporter("collaboration", organisation_tables)
    privacy.register_exporter("collaboration_hand_overs", export_person)
