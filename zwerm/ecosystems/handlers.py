"""What ecosystems plug into other apps' hooks: privacy, names, leaving and merging."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from zwerm.core.actor import Actor
from zwerm.core.text import single_stops
from zwerm.ecosystems.models import Membership, MembershipEvent, Role
from zwerm.organisations.models import Organisation

SEEING_STATES = (Membership.State.ACTIVE, Membership.State.PAUSED)


# Privacy -----------------------------------------------------------------------------------


def export_person(person: Any) -> dict[str, Any]:
    """The roles a person held and the membership steps they took, for their data export."""
    roles = Role.objects.filter(person=person).select_related("ecosystem", "organisation")
    events = MembershipEvent.objects.filter(actor=person).select_related(
        "membership__ecosystem", "membership__organisation"
    )
    return {
        "roles": [
            {
                "ecosystem": role.ecosystem.name,
                "ecosystem_uuid": str(role.ecosystem.uuid),
                "organisation": role.organisation.name,
                "role": role.name,
                "started_at": role.started_at.isoformat(),
                "ended_at": role.ended_at.isoformat() if role.ended_at else None,
            }
            for role in roles
        ],
        "membership_events": [
            {
                "ecosystem": event.membership.ecosystem.name,
                "organisation": event.membership.organisation.name,
                "from": event.from_state,
                "to": event.to_state,
                "reason": event.reason,
                "at": event.created_at.isoformat(),
            }
            for event in events
        ],
    }


def last_facilitator_blockers(person: Any) -> list[str]:
    """A person who is the only facilitator of an ecosystem must hand over before erasing."""
    held = Role.objects.filter(
        person=person, name=Role.Name.FACILITATOR, ended_at__isnull=True
    ).values("ecosystem_id")
    lonely = (
        Role.objects.filter(
            ecosystem_id__in=held, name=Role.Name.FACILITATOR, ended_at__isnull=True
        )
        .values("ecosystem_id", "ecosystem__name")
        .annotate(count=Count("id"))
        .filter(count=1)
        .order_by("ecosystem__name")
    )
    return [
        _("You are the only facilitator of %(ecosystem)s. Appoint another facilitator first.")
        % {"ecosystem": row["ecosystem__name"]}
        for row in lonely
    ]


def names_shared_in_ecosystems(viewer: Any, person_ids: set[int]) -> set[int]:
    """People who show their name to "members of my ecosystems", when the viewer is one."""
    from zwerm.accounts.models import User

    if viewer is None or not getattr(viewer, "is_authenticated", False):
        return set()
    viewer_ecosystems = Membership.objects.filter(
        organisation__memberships__person=viewer,
        organisation__memberships__left_at__isnull=True,
        state__in=SEEING_STATES,
    ).values("ecosystem_id")
    return set(
        User.objects.filter(
            pk__in=person_ids,
            name_visibility__in=[User.NameVisibility.ECOSYSTEMS, User.NameVisibility.EVERYONE],
            organisation_memberships__left_at__isnull=True,
            organisation_memberships__organisation__ecosystem_memberships__state__in=(
                SEEING_STATES
            ),
            organisation_memberships__organisation__ecosystem_memberships__ecosystem_id__in=(
                viewer_ecosystems
            ),
        ).values_list("pk", flat=True)
    )


# Organisations' flows ----------------------------------------------------------------------


def held_roles(*, organisation: Organisation, person: Any) -> list[str]:
    roles = Role.objects.filter(
        person=person, organisation=organisation, ended_at__isnull=True
    ).select_related("ecosystem")
    return [
        _("%(role)s of %(ecosystem)s") % {"role": role.get_name_display(),
                                          "ecosystem": role.ecosystem.name}
        for role in roles
    ]


def on_member_leave(*, actor: Actor, organisation: Organisation, person: Any,
                    successor: Any) -> None:
    from zwerm.ecosystems.services.roles import roles_hand_over

    roles_hand_over(actor=actor, person=person, organisation=organisation, successor=successor)


def on_merge(*, actor: Actor, source: Organisation, target: Organisation) -> None:
    """Move the source's memberships and roles to the organisation it merged into.

    Where both were in the same ecosystem, the target keeps its own membership and the
    source's ends (its history stays); roles move unless the target already holds them.
    """
    from zwerm.core.activity import record
    from zwerm.ecosystems.services._common import apply_transition
    from zwerm.ecosystems.services.roles import _end

    for membership in Membership.objects.select_for_update().filter(organisation=source):
        ecosystem = membership.ecosystem
        if Membership.objects.filter(ecosystem=ecosystem, organisation=target).exists():
            if membership.state in SEEING_STATES:
                apply_transition(
                    actor=actor, ecosystem=ecosystem, organisation=source,
                    membership=membership, action="leave",
                    reason=single_stops(
                        _("Merged into %(organisation)s.") % {"organisation": target.name}
                    ),
                )
            continue
        membership.organisation = target
        membership.save(update_fields=["organisation", "updated_at"])
        MembershipEvent.objects.create(
            membership=membership, from_state=membership.state, to_state=membership.state,
            kind=membership.kind, actor=actor.person,
            reason=_("Moved from %(organisation)s after a merger.") % {"organisation": source.name},
        )
        record(verb="ecosystems.membership.moved", actor=actor, subject=target,
               ecosystem=ecosystem,
               payload={"membership": str(membership.uuid), "from_organisation": str(source.uuid)})
    for role in Role.objects.select_for_update().filter(
        organisation=source, ended_at__isnull=True
    ).select_related("ecosystem", "person", "organisation"):
        clash = Role.objects.filter(ecosystem=role.ecosystem, ended_at__isnull=True).filter(
            Q(name=Role.Name.DELEGATE, organisation=target) if role.name == Role.Name.DELEGATE
            else Q(name=role.name, person=role.person, organisation=target)
        )
        if clash.exists():
            _end(actor=actor, role=role)
            continue
        role.organisation = target
        role.save(update_fields=["organisation"])


