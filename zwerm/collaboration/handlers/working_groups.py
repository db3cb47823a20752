"""How working groups take part in kernel flows: a person's data export, their erasure, and
organisation merges."""

from __future__ import annotations

from typing import Any

from zwerm.collaboration.models import (
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupPost,
    WorkingGroupRole,
)


def export_person(person: Any) -> dict[str, Any]:
    """Memberships (with the organisation acted for), roles held and posts written."""
    memberships = WorkingGroupMember.objects.filter(person=person).select_related(
        "working_group__ecosystem", "organisation").order_by("created_at")
    roles = WorkingGroupRole.objects.filter(person=person).select_related(
        "working_group", "organisation").order_by("started_at")
    posts = WorkingGroupPost.objects.filter(author=person, deleted_at__isnull=True).select_related(
        "working_group").order_by("created_at")
    return {
        "memberships": [
            {"working_group": m.working_group.name, "working_group_uuid": str(m.working_group.uuid),
             "ecosystem": m.working_group.ecosystem.name, "organisation": m.organisation.name,
             "state": m.state, "joined_at": m.joined_at.isoformat() if m.joined_at else None,
             "left_at": m.left_at.isoformat() if m.left_at else None}
            for m in memberships
        ],
        "roles": [
            {"working_group": r.working_group.name, "working_group_uuid": str(r.working_group.uuid),
             "role": r.name, "organisation": r.organisation.name,
             "started_at": r.started_at.isoformat(),
             "term_ends_on": r.term_ends_on.isoformat() if r.term_ends_on else None,
             "ended_at": r.ended_at.isoformat() if r.ended_at else None,
             "end_reason": r.end_reason}
            for r in roles
        ],
        "posts": [
            {"working_group": p.working_group.name, "working_group_uuid": str(p.working_group.uuid),
             "uuid": str(p.uuid), "kind": p.kind, "body": p.body,
             "created_at": p.created_at.isoformat()}
            for p in posts
        ],
    }


def release_erased_person(person: Any) -> None:
    """Before an account is erased, its memberships and roles end (recorded)."""
    from zwerm.collaboration.services.working_groups import working_groups_release_person

    working_groups_release_person(person=person)


def held_roles(*, organisation: Any, person: Any) -> list[str]:
    """Roles the person holds for the organisation in working groups (open ones): whoever
    leaves the organisation names a successor for them. "Held" is the permissions' one
    definition (``current_roles``): a role whose holder is no longer an active member of the
    group has no successor to name."""
    from django.utils.translation import gettext as _

    from zwerm.collaboration.permissions.working_groups import current_roles

    roles = current_roles(person=person, organisation=organisation,
                          open_groups_only=True).select_related("working_group")
    return [_("%(role)s of the working group %(group)s")
            % {"role": role.get_name_display(), "group": role.working_group.name}
            for role in roles]


def on_member_leave(*, actor: Any, organisation: Any, person: Any, successor: Any) -> None:
    from zwerm.collaboration.services.working_groups_roles import (
        working_groups_person_left_organisation,
    )

    working_groups_person_left_organisation(actor=actor, organisation=organisation,
                                            person=person, successor=successor)


def on_merge(*, actor: Any, source: Any, target: Any) -> None:
    """Memberships, roles, posts and started groups of a merged organisation move to the
    organisation it joined (the merge service records the merge itself)."""
    WorkingGroupMember.objects.filter(organisation=source).update(organisation=target)
    WorkingGroupRole.objects.filter(organisation=source).update(organisation=target)
    WorkingGroupPost.objects.filter(organisation=source).update(organisation=target)
    WorkingGroup.objects.filter(started_for=source).update(started_for=target)


def register() -> None:
    """Wire this part into the kernel (privacy hooks, organisation merges)."""
    from zwerm.core import privacy
    from zwerm.organisations import hooks

    privacy.register_exporter("collaboration_working_groups", export_person)
    privacy.register_before_erasure(release_erased_person)
    hooks.register_merge(on_merge)
    hooks.register_held_roles(held_roles)
    hooks.register_member_leave(on_member_leave)
