"""Endpoints of working groups, mounted at ``/api/v1/collaboration``.

Thin: find what the caller may see (404 otherwise, also for members-only ecosystems), call the
same services as the pages, shape the answer.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status

from zwerm.collaboration.api.common import ecosystem_of
from zwerm.collaboration.api.working_groups_schemas import (
    AnswerIn,
    Filters,
    FromInitiativeIn,
    HandOverIn,
    MemberOut,
    PostIn,
    PostOut,
    ReasonIn,
    RoleOut,
    WorkingGroupIn,
    WorkingGroupListOut,
    WorkingGroupOut,
    WorkingGroupPatchIn,
)
from zwerm.collaboration.models import WorkingGroup, WorkingGroupMember, WorkingGroupRole
from zwerm.collaboration.permissions import working_groups as permissions
from zwerm.collaboration.selectors import working_groups as selectors
from zwerm.collaboration.services import working_groups as services
from zwerm.collaboration.services import working_groups_posts as post_services
from zwerm.collaboration.services import working_groups_roles as role_services
from zwerm.core.api_support import OPTIONAL, REQUIRED, Names, actor_of, organisation_ref
from zwerm.core.errors import ValidationFailed

router = Router()


# Lookups and shaping ----------------------------------------------------------------------


def _group(request, group_uuid: uuid.UUID) -> WorkingGroup:
    group = selectors.working_group_by_uuid(viewer=actor_of(request).person, uuid=group_uuid)
    if group is None:
        raise Http404
    return group


def _role(role: WorkingGroupRole, names: Names) -> dict[str, Any]:
    return {"uuid": role.uuid, "role": role.name, "person": names(role.person),
            "organisation": organisation_ref(role.organisation), "started_at": role.started_at,
            "term_ends_on": role.term_ends_on, "ended_at": role.ended_at,
            "end_reason": role.end_reason}


def _row(group: WorkingGroup, names: Names) -> dict[str, Any]:
    count = getattr(group, "member_count", None)
    if count is None:
        count = sum(1 for m in group.member_list if m.state == WorkingGroupMember.State.ACTIVE)
    return {
        "uuid": group.uuid, "slug": group.slug, "name": group.name, "purpose": group.purpose,
        "description": group.description, "join_policy": group.join_policy,
        "rotation_months": group.rotation_months,
        "ecosystem": {"uuid": group.ecosystem.uuid, "slug": group.ecosystem.slug,
                      "name": group.ecosystem.name},
        "started_for": organisation_ref(group.started_for),
        "initiative": getattr(group.initiative, "uuid", None) if group.initiative_id else None,
        "archived_at": group.archived_at, "archive_reason": group.archive_reason,
        "member_count": count, "roles": [_role(r, names) for r in group.current_roles],
        "created_at": group.created_at, "url": services.wg_url(group),
    }


def _member(member: WorkingGroupMember, names: Names) -> dict[str, Any]:
    return {"uuid": member.uuid, "person": names(member.person),
            "organisation": organisation_ref(member.organisation), "state": member.state,
            "joined_at": member.joined_at, "left_at": member.left_at}


def _post(post: Any, names: Names, replies: list[Any] | None = None) -> dict[str, Any]:
    return {"uuid": post.uuid, "kind": post.kind, "author": names(post.author),
            "organisation": organisation_ref(post.organisation), "body": post.body,
            "deleted": post.deleted_at is not None, "created_at": post.created_at,
            "replies": [_post(reply, names) for reply in (replies or [])]}


def _detail(request, group: WorkingGroup) -> dict[str, Any]:
    fresh = selectors.working_group_by_uuid(viewer=actor_of(request).person, uuid=group.uuid)
    return _row(fresh, Names(request, [r.person for r in fresh.current_roles]))


# Groups -----------------------------------------------------------------------------------


@router.get("/ecosystems/{slug}/working-groups", response=WorkingGroupListOut, auth=OPTIONAL,
            summary="Working groups of an ecosystem")
def list_groups(request, slug: str, filters: Query[Filters]):
    ecosystem = ecosystem_of(request, slug)
    queryset = selectors.working_groups_of(ecosystem=ecosystem, viewer=actor_of(request).person,
                                           archived=filters.archived, query=filters.q.strip())
    items = list(queryset[filters.offset:filters.offset + filters.limit])
    names = Names(request, [r.person for g in items for r in g.current_roles])
    return {"count": queryset.count(), "items": [_row(g, names) for g in items]}


@router.post("/ecosystems/{slug}/working-groups", response={201: WorkingGroupOut},
             auth=REQUIRED, summary="Start a working group (you become its lead)")
def create_group(request, slug: str, payload: WorkingGroupIn):
    ecosystem = ecosystem_of(request, slug)
    group = services.working_group_start(actor=actor_of(request), ecosystem=ecosystem,
                                         **payload.dict())
    return Status(201, _detail(request, group))


@router.post("/initiatives/{initiative_uuid}/working-group", response={201: WorkingGroupOut},
             auth=REQUIRED, summary="Turn a started initiative into a working group")
def from_initiative(request, initiative_uuid: uuid.UUID, payload: FromInitiativeIn):
    initiative = selectors.initiative_by_uuid(viewer=actor_of(request), uuid=initiative_uuid)
    if initiative is None:
        raise Http404
    group = post_services.working_group_from_initiative(
        actor=actor_of(request), initiative=initiative, **payload.dict())
    return Status(201, _detail(request, group))


@router.get("/working-groups/{group_uuid}", response=WorkingGroupOut, auth=OPTIONAL,
            summary="One working group")
def get_group(request, group_uuid: uuid.UUID):
    group = _group(request, group_uuid)
    return _row(group, Names(request, [r.person for r in group.current_roles]))


@router.patch("/working-groups/{group_uuid}", response=WorkingGroupOut, auth=REQUIRED,
              summary="Edit a working group (lead, secretary, facilitators)")
def update_group(request, group_uuid: uuid.UUID, payload: WorkingGroupPatchIn):
    group = _group(request, group_uuid)
    services.working_group_update(actor=actor_of(request), working_group=group,
                                  **payload.dict(exclude_unset=True))
    return _detail(request, group)


@router.post("/working-groups/{group_uuid}/archive", response=WorkingGroupOut, auth=REQUIRED,
             summary="Archive a working group with a reason (lead, facilitators)")
def archive_group(request, group_uuid: uuid.UUID, payload: ReasonIn):
    group = _group(request, group_uuid)
    services.working_group_archive(actor=actor_of(request), working_group=group,
                                   reason=payload.reason)
    return _detail(request, group)


@router.post("/working-groups/{group_uuid}/unarchive", response=WorkingGroupOut, auth=REQUIRED,
             summary="Reopen an archived working group (facilitators)")
def unarchive_group(request, group_uuid: uuid.UUID):
    group = _group(request, group_uuid)
    services.working_group_unarchive(actor=actor_of(request), working_group=group)
    return _detail(request, group)


# Members ----------------------------------------------------------------------------------


@router.get("/working-groups/{group_uuid}/members", response=list[MemberOut], auth=OPTIONAL,
            summary="Members, former members and (for those who answer them) requests")
def list_members(request, group_uuid: uuid.UUID):
    group = _group(request, group_uuid)
    shown = {WorkingGroupMember.State.ACTIVE, WorkingGroupMember.State.LEFT}
    if permissions.can_answer_requests(actor_of(request), group):
        shown.add(WorkingGroupMember.State.REQUESTED)
    members = [m for m in group.member_list if m.state in shown]
    names = Names(request, [m.person for m in members])
    return [_member(m, names) for m in members]


@router.post("/working-groups/{group_uuid}/join", response={201: MemberOut}, auth=REQUIRED,
             summary="Join an open group, or ask to join one on request")
def join_group(request, group_uuid: uuid.UUID):
    member = services.working_group_join(actor=actor_of(request),
                                         working_group=_group(request, group_uuid))
    return Status(201, _member(member, Names(request, [member.person])))


@router.post("/working-groups/{group_uuid}/leave", response=MemberOut, auth=REQUIRED,
             summary="Leave the group (or withdraw a request); roles held end")
def leave_group(request, group_uuid: uuid.UUID):
    member = services.working_group_leave(actor=actor_of(request),
                                          working_group=_group(request, group_uuid))
    return _member(member, Names(request, [member.person]))


@router.post("/working-groups/{group_uuid}/requests/{member_uuid}", response=MemberOut,
             auth=REQUIRED, summary="Accept or decline a request to join (decline: reason)")
def answer_request(request, group_uuid: uuid.UUID, member_uuid: uuid.UUID, payload: AnswerIn):
    group = _group(request, group_uuid)
    member = selectors.member_by_uuid(group, member_uuid)
    if member is None:
        raise Http404
    member = services.working_group_answer_request(
        actor=actor_of(request), member=member, accept=payload.accept, reason=payload.reason)
    return _member(member, Names(request, [member.person]))


# Roles ------------------------------------------------------------------------------------


@router.get("/working-groups/{group_uuid}/roles", response=list[RoleOut], auth=OPTIONAL,
            summary="Every holder of the lead and secretary roles, current ones first")
def role_history(request, group_uuid: uuid.UUID):
    group = _group(request, group_uuid)
    roles = sorted(group.role_history, key=lambda r: (r.ended_at is not None, r.name,
                                                      -r.started_at.timestamp()))
    names = Names(request, [r.person for r in roles])
    return [_role(r, names) for r in roles]


@router.post("/working-groups/{group_uuid}/roles/{role}/hand-over", response=RoleOut,
             auth=REQUIRED, summary="Hand a role to another active member")
def hand_over(request, group_uuid: uuid.UUID, role: str, payload: HandOverIn):
    group = _group(request, group_uuid)
    member = selectors.member_by_uuid(group, payload.to_member)
    if member is None:
        raise ValidationFailed(_("Hand the role to an active member of this working group."),
                               field="to_member")
    new = role_services.role_hand_over(actor=actor_of(request), working_group=group, role=role,
                                       to_member=member, reason=payload.reason)
    return _role(new, Names(request, [new.person]))


@router.post("/working-groups/{group_uuid}/roles/{role}/step-down", response=RoleOut,
             auth=REQUIRED, summary="Step down from a role (it becomes vacant)")
def step_down(request, group_uuid: uuid.UUID, role: str, payload: ReasonIn):
    group = _group(request, group_uuid)
    ended = role_services.role_step_down(actor=actor_of(request), working_group=group, role=role,
                                         reason=payload.reason)
    return _role(ended, Names(request, [ended.person]))


# Thread -----------------------------------------------------------------------------------


@router.get("/working-groups/{group_uuid}/posts", response=list[PostOut], auth=OPTIONAL,
            summary="The thread: messages and announcements with their replies")
def list_posts(request, group_uuid: uuid.UUID):
    group = _group(request, group_uuid)
    threads = [(post, list(post.replies.all())) for post in group.thread]
    names = Names(request, [p.author for post, replies in threads for p in [post, *replies]])
    return [_post(post, names, replies) for post, replies in threads]


@router.post("/working-groups/{group_uuid}/posts", response={201: PostOut}, auth=REQUIRED,
             summary="Post a message, a reply or (lead, secretary) an announcement")
def create_post(request, group_uuid: uuid.UUID, payload: PostIn):
    group = _group(request, group_uuid)
    reply_to = None
    if payload.reply_to:
        reply_to = selectors.post_by_uuid(group, payload.reply_to)
        if reply_to is None:
            raise ValidationFailed(_("Reply to a message of this working group."),
                                   field="reply_to")
    post = post_services.post_create(actor=actor_of(request), working_group=group,
                                     body=payload.body, reply_to=reply_to,
                                     announcement=payload.announcement)
    return Status(201, _post(post, Names(request, [post.author])))


@router.delete("/working-groups/{group_uuid}/posts/{post_uuid}", response={204: None},
               auth=REQUIRED, summary="Delete your post (facilitators: any post)")
def delete_post(request, group_uuid: uuid.UUID, post_uuid: uuid.UUID):
    group = _group(request, group_uuid)
    post = selectors.post_by_uuid(group, post_uuid)
    if post is None:
        raise Http404
    post_services.post_delete(actor=actor_of(request), post=post)
    return Status(204, None)
