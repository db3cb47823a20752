"""Writes of a working group's thread (messages, replies, announcements) and the hand-off
from an ideation initiative to a working group."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import (
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupPost,
    WorkingGroupRole,
)
from zwerm.collaboration.permissions import working_groups as permissions
from zwerm.collaboration.services.common import clean_text, require_person, require_view
from zwerm.collaboration.services.working_groups import (
    KIND,
    active_people,
    add_member,
    create_group,
    locked,
    start_role,
    wg_url,
)
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.notifications import notify
from zwerm.ecosystems.models import Membership
from zwerm.organisations.models import OrganisationMember

BODY_MAX = 10000


@transaction.atomic
def post_create(
    *, actor: Actor, working_group: WorkingGroup, body: str,
    reply_to: WorkingGroupPost | None = None, announcement: bool = False,
) -> WorkingGroupPost:
    """An active member posts a message or replies (one level); the lead or secretary posts an
    announcement, which every active member is told of."""
    require_person(actor)
    require_view(actor, working_group.ecosystem)
    group = locked(working_group)
    if announcement:
        if not permissions.can_announce(actor, group):
            raise NotAllowed(_("Only the lead and the secretary post announcements."))
        if reply_to is not None:
            raise ValidationFailed(_("An announcement starts a new topic; it is no reply."),
                                   field="reply_to")
    elif not permissions.can_post(actor, group):
        raise NotAllowed(_("Only active members of the working group post in its thread."),
                         code="not_member")
    if reply_to is not None:
        if reply_to.working_group_id != group.pk:
            raise ValidationFailed(_("Reply to a message of this working group."),
                                   field="reply_to")
        if reply_to.reply_to_id is not None:
            reply_to = reply_to.reply_to  # replies stay one level deep
        if reply_to.deleted_at is not None:
            raise Conflict(_("This message was deleted; start a new topic instead."),
                           field="reply_to")
    body = clean_text(body, field="body", label=_("message"), required=True,
                      max_length=BODY_MAX)
    member = WorkingGroupMember.objects.filter(
        working_group=group, person=actor.person, state=WorkingGroupMember.State.ACTIVE
    ).select_related("organisation").first()
    organisation = member.organisation if member else actor.organisation
    kind = WorkingGroupPost.Kind.ANNOUNCEMENT if announcement else WorkingGroupPost.Kind.MESSAGE
    post = WorkingGroupPost.objects.create(
        working_group=group, kind=kind, author=actor.person, organisation=organisation,
        reply_to=reply_to, body=body)
    verb = "collaboration.working_group_post.announced" if announcement else (
        "collaboration.working_group_post.posted")
    payload = {"post": str(post.uuid)}
    if reply_to is not None:
        payload["reply_to"] = str(reply_to.uuid)
    activity = record(verb=verb, actor=actor, subject=group, ecosystem=group.ecosystem,
                      organisation=organisation, payload=payload)
    if announcement:
        notify(recipients=active_people(group), kind=KIND, activity=activity,
               url=wg_url(group) + f"#post-{post.uuid}")
    return post


@transaction.atomic
def post_delete(*, actor: Actor, post: WorkingGroupPost) -> WorkingGroupPost:
    """The author (or a facilitator) deletes a post: its text goes, its place and replies stay."""
    require_person(actor)
    require_view(actor, post.working_group.ecosystem)
    group = locked(post.working_group)
    post = WorkingGroupPost.objects.select_for_update(of=("self",)).get(pk=post.pk)
    post.working_group = group
    if post.deleted_at is not None:
        raise Conflict(_("This message was already deleted."), code="deleted")
    if not permissions.can_delete_post(actor, post):
        raise NotAllowed(_("Only the author or a facilitator deletes a message."))
    post.body, post.deleted_at = "", timezone.now()
    post.save(update_fields=["body", "deleted_at", "updated_at"])
    record(verb="collaboration.working_group_post.deleted", actor=actor, subject=group,
           ecosystem=group.ecosystem, payload={"post": str(post.uuid)})
    return post


# From an initiative -----------------------------------------------------------------------


def _committed_people(initiative: Any, ecosystem: Any) -> list[tuple[Any, Any]]:
    """(person, organisation) for each committed organisation that is an active member: the
    person who committed it, or one of its admins when that person is gone."""
    active_ids = set(Membership.objects.filter(
        ecosystem=ecosystem, kind=Membership.Kind.MEMBER, state=Membership.State.ACTIVE
    ).values_list("organisation_id", flat=True))
    pairs = []
    for commitment in initiative.commitments.select_related("organisation", "person"):
        organisation = commitment.organisation
        if organisation.pk not in active_ids:
            continue
        places = OrganisationMember.objects.filter(organisation=organisation,
                                                   left_at__isnull=True)
        person = commitment.person
        if person is None or not places.filter(person=person).exists():
            admin = places.filter(role=OrganisationMember.Role.ADMIN).select_related(
                "person").order_by("created_at").first()
            person = admin.person if admin else None
        if person is not None:
            pairs.append((person, organisation))
    return pairs


@transaction.atomic
def working_group_from_initiative(
    *, actor: Actor, initiative: Any, name: str = "", purpose: str = "", description: str = "",
    join_policy: str = WorkingGroup.JoinPolicy.OPEN, rotation_months: int | None = None,
) -> WorkingGroup:
    """A started initiative becomes a working group, once, with its committed organisations.

    Allowed for a facilitator of the ecosystem and for people of committed organisations. The
    people who committed (or an admin) become members; the actor becomes the lead when they
    are among them, else the first committed person does.
    """
    require_person(actor)
    challenge = initiative.challenge
    ecosystem = challenge.ecosystem
    if ecosystem is None:
        raise ValidationFailed(_("Only an initiative of an ecosystem's challenge becomes a "
                                 "working group."), field="initiative")
    require_view(actor, ecosystem)
    if initiative.started_at is None:
        raise Conflict(_("The initiative has not started yet: it needs enough committed "
                         "organisations first."), code="not_started")
    if WorkingGroup.objects.filter(initiative=initiative).exists():
        raise Conflict(_("This initiative already became a working group."),
                       code="already_exists")
    if not permissions.can_start_from_initiative(actor, initiative):
        raise NotAllowed(_("Only a facilitator or someone of a committed organisation turns "
                           "this initiative into a working group."))
    pairs = _committed_people(initiative, ecosystem)
    if permissions.can_take_part(actor, ecosystem) and all(
            person.pk != actor.person.pk for person, _org in pairs):
        pairs.insert(0, (actor.person, actor.organisation))
    lead = next((pair for pair in pairs if pair[0].pk == actor.person.pk), None) or (
        pairs[0] if pairs else None)
    if lead is None:
        raise Conflict(_("None of the committed organisations is an active member of the "
                         "ecosystem, so nobody can lead the group."), code="no_members")
    group = create_group(
        actor=actor, ecosystem=ecosystem, name=name or initiative.title,
        purpose=purpose or (initiative.description or initiative.title)[:2000],
        description=description or initiative.description, join_policy=join_policy,
        rotation_months=rotation_months, started_for=lead[1], initiative=initiative)
    members = {}
    for person, organisation in pairs:
        if person.pk not in members:
            members[person.pk] = add_member(group, person, organisation)
    start_role(group, WorkingGroupRole.Name.LEAD, members[lead[0].pk])
    activity = record(
        verb="collaboration.working_group.from_initiative", actor=actor, subject=group,
        ecosystem=ecosystem, organisation=lead[1],
        payload={"initiative": str(initiative.uuid), "challenge": str(challenge.uuid),
                 "members": len(members), "slug": group.slug})
    notify(recipients=[m.person for m in members.values()], kind=KIND, activity=activity,
           url=wg_url(group))
    return group
