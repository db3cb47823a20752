"""Reads of working groups, filtered to what the viewer may see and shaped for pages and API.

Other parts use ``working_groups_of``, ``working_group_detail``,
``active_member_organisation_ids``, ``is_working_group_member`` and ``role_holders``.
"""

from __future__ import annotations

import uuid as uuid_module
from typing import Any

from django.db.models import Count, F, Max, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, Greatest

from zwerm.collaboration.models import (
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupPost,
    WorkingGroupRole,
)
from zwerm.collaboration.permissions import _person, can_view
from zwerm.collaboration.permissions import working_groups as permissions
from zwerm.ecosystems.models import Ecosystem

ACTIVE = WorkingGroupMember.State.ACTIVE
REQUESTED = WorkingGroupMember.State.REQUESTED


def _current_roles() -> Prefetch:
    return Prefetch(
        "roles",
        queryset=WorkingGroupRole.objects.filter(ended_at__isnull=True).select_related(
            "person", "organisation").order_by("name"),
        to_attr="current_roles",
    )


def working_groups_of(
    *, ecosystem: Ecosystem, viewer: Any, archived: bool | None = None, query: str = "",
) -> QuerySet[WorkingGroup]:
    """The ecosystem's groups (active first, then archived) with member counts, current roles
    and when they were last active; none when the viewer may not see the ecosystem."""
    if not can_view(viewer, ecosystem):
        return WorkingGroup.objects.none()
    queryset = WorkingGroup.objects.filter(ecosystem=ecosystem)
    if archived is not None:
        queryset = queryset.filter(archived_at__isnull=not archived)
    if query:
        queryset = queryset.filter(Q(name__icontains=query) | Q(purpose__icontains=query))
    return (
        queryset.select_related("ecosystem", "started_for", "initiative")
        .annotate(
            member_count=Count("members", filter=Q(members__state=ACTIVE), distinct=True),
            last_post_at=Max("posts__created_at"),
        )
        .annotate(last_active_at=Greatest("updated_at", Coalesce("last_post_at", "updated_at")))
        .prefetch_related(_current_roles())
        .order_by(F("archived_at").asc(nulls_first=True), "name")
    )


def recently_active(*, ecosystem: Ecosystem, viewer: Any, limit: int = 3) -> list[WorkingGroup]:
    """The open groups where something happened last (the ecosystem page's panel)."""
    queryset = working_groups_of(ecosystem=ecosystem, viewer=viewer, archived=False)
    return list(queryset.order_by("-last_active_at", "name")[:limit])


def working_group_count(*, ecosystem: Ecosystem, viewer: Any) -> int:
    if not can_view(viewer, ecosystem):
        return 0
    return WorkingGroup.objects.filter(ecosystem=ecosystem, archived_at__isnull=True).count()


def working_group_detail(*, ecosystem: Ecosystem, slug: str, viewer: Any) -> WorkingGroup | None:
    """One group with everything its page shows: members (left ones too), current roles, the
    roles' history and the thread (top-level posts with their replies)."""
    if not can_view(viewer, ecosystem):
        return None
    replies = WorkingGroupPost.objects.select_related("author", "organisation").order_by(
        "created_at", "id")
    group = (
        WorkingGroup.objects.filter(ecosystem=ecosystem, slug=slug)
        .select_related("ecosystem", "started_for", "started_by", "initiative__challenge")
        .prefetch_related(
            _current_roles(),
            Prefetch("members", queryset=WorkingGroupMember.objects.select_related(
                "person", "organisation").order_by("state", "person__name"),
                to_attr="member_list"),
            Prefetch("roles", queryset=WorkingGroupRole.objects.select_related(
                "person", "organisation").order_by("name", "-started_at"),
                to_attr="role_history"),
            Prefetch("posts", queryset=WorkingGroupPost.objects.filter(reply_to__isnull=True)
                     .select_related("author", "organisation")
                     .prefetch_related(Prefetch("replies", queryset=replies))
                     .order_by("created_at", "id"), to_attr="thread"),
        )
        .first()
    )
    if group is not None:
        mark_deletable_posts(group, viewer)
    return group


def mark_deletable_posts(working_group: WorkingGroup, viewer: Any) -> None:
    """Set ``can_delete`` on every post of the loaded thread (replies too) for the viewer:
    ``can_delete_post`` answered with the facilitator question asked once, no query per
    post."""
    posts = [post for top in getattr(working_group, "thread", [])
             for post in (top, *top.replies.all())]
    if not posts:
        return
    moderates = permissions.can_manage(viewer, working_group.ecosystem) if (
        _person(viewer) is not None) else False
    for post in posts:
        post.working_group = working_group
        post.can_delete = permissions.can_delete_post(viewer, post, moderates=moderates)


def working_group_by_uuid(*, viewer: Any, uuid: uuid_module.UUID | str) -> WorkingGroup | None:
    """A group by its UUID (the API's address), when the viewer may see its ecosystem."""
    try:
        key = uuid_module.UUID(str(uuid))
    except ValueError:
        return None
    found = WorkingGroup.objects.filter(uuid=key).select_related("ecosystem").first()
    if found is None or not can_view(viewer, found.ecosystem):
        return None
    return working_group_detail(ecosystem=found.ecosystem, slug=found.slug, viewer=viewer)


def member_by_uuid(working_group: WorkingGroup, uuid: Any) -> WorkingGroupMember | None:
    try:
        key = uuid_module.UUID(str(uuid))
    except ValueError:
        return None
    return WorkingGroupMember.objects.filter(working_group=working_group, uuid=key).select_related(
        "person", "organisation", "working_group__ecosystem").first()


def post_by_uuid(working_group: WorkingGroup, uuid: Any) -> WorkingGroupPost | None:
    try:
        key = uuid_module.UUID(str(uuid))
    except ValueError:
        return None
    return WorkingGroupPost.objects.filter(working_group=working_group, uuid=key).select_related(
        "working_group__ecosystem", "reply_to").first()


def pending_requests(working_group: WorkingGroup) -> list[WorkingGroupMember]:
    members = getattr(working_group, "member_list", None)
    if members is not None:
        return [m for m in members if m.state == REQUESTED]
    return list(working_group.members.filter(state=REQUESTED).select_related(
        "person", "organisation"))


def active_member_organisation_ids(working_group: WorkingGroup) -> set[int]:
    """Organisations with at least one active member in the group."""
    return set(WorkingGroupMember.objects.filter(
        working_group=working_group, state=ACTIVE).values_list("organisation_id", flat=True))


def is_working_group_member(person: Any, working_group: WorkingGroup) -> bool:
    """The person is an active member of the group."""
    person = _person(person)
    if person is None:
        return False
    members = getattr(working_group, "member_list", None)
    if members is not None:
        return any(m.person_id == person.pk and m.state == ACTIVE for m in members)
    return WorkingGroupMember.objects.filter(
        working_group=working_group, person=person, state=ACTIVE).exists()


def role_holders(working_group: WorkingGroup) -> dict[str, WorkingGroupRole | None]:
    """The current lead and secretary (``None`` when vacant), with person and organisation."""
    current = getattr(working_group, "current_roles", None)
    if current is None:
        current = list(WorkingGroupRole.objects.filter(
            working_group=working_group, ended_at__isnull=True).select_related(
            "person", "organisation"))
    found = {role.name: role for role in current}
    return {name: found.get(name) for name in WorkingGroupRole.Name.values}


def memberships_of_person(*, person: Any) -> QuerySet[WorkingGroupMember]:
    """Every membership of a person (for their data export)."""
    return WorkingGroupMember.objects.filter(person=person).select_related(
        "working_group__ecosystem", "organisation").order_by("created_at")


def initiative_in(*, ecosystem: Ecosystem, uuid: Any) -> Any:
    """An initiative of one of the ecosystem's challenges, with its commitments."""
    from zwerm.ideation.models import Initiative

    try:
        key = uuid_module.UUID(str(uuid))
    except ValueError:
        return None
    return Initiative.objects.filter(uuid=key, challenge__ecosystem=ecosystem).select_related(
        "challenge__ecosystem").first()


def group_of_initiative(initiative: Any) -> WorkingGroup | None:
    return WorkingGroup.objects.filter(initiative=initiative).select_related("ecosystem").first()


def initiative_by_uuid(*, viewer: Any, uuid: Any) -> Any:
    """An initiative of an ecosystem's challenge, when the viewer may see that ecosystem."""
    from zwerm.ideation.models import Initiative

    try:
        key = uuid_module.UUID(str(uuid))
    except ValueError:
        return None
    found = Initiative.objects.select_related("challenge__ecosystem").filter(
        uuid=key, challenge__ecosystem__isnull=False).first()
    if found is None or not can_view(viewer, found.challenge.ecosystem):
        return None
    return found
