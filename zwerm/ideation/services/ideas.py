"""Writes about ideas: submitting, editing, linking, following and merging duplicates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.ideation import permissions
from zwerm.ideation.ballots import merge_choices
from zwerm.ideation.models import (
    Ballot,
    Challenge,
    Follow,
    Idea,
    IdeaLink,
    IdeaMerge,
    Initiative,
    Phase,
    Reaction,
)
from zwerm.ideation.services._common import (
    clean_text,
    require_manager,
    require_open,
    require_participant,
    require_person,
    require_phase,
    require_view,
)

TITLE_MAX = 200
DESCRIPTION_MAX = 20000
TAGS_MAX = 10
TAG_MAX = 40
EDITABLE_PHASES = (Phase.COLLECT, Phase.REFINE)


def clean_tags(tags: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for tag in tags:
        tag = " ".join(str(tag).split()).lower().lstrip("#")
        if not tag or tag in cleaned:
            continue
        if len(tag) > TAG_MAX:
            raise ValidationFailed(
                _("Keep each tag under %(max)d characters.") % {"max": TAG_MAX}, field="tags"
            )
        cleaned.append(tag)
    if len(cleaned) > TAGS_MAX:
        raise ValidationFailed(_("Give at most %(max)d tags.") % {"max": TAGS_MAX}, field="tags")
    return cleaned


def _clean_co_authors(challenge: Challenge, author: Any, people: Iterable[Any]) -> list[Any]:
    result = []
    for person in people:
        if person is None or person.pk == author.pk or person in result:
            continue
        if not permissions.can_participate(person, challenge):
            raise ValidationFailed(
                _("Every co-author must be able to take part in the challenge."),
                field="co_authors",
            )
        result.append(person)
    return result


def can_edit(person: Any, idea: Idea) -> bool:
    """The author and co-authors edit their idea; facilitators may tidy it too."""
    if permissions.can_manage(person, idea.challenge):
        return True
    person = getattr(person, "person", person)
    if person is None or not getattr(person, "is_authenticated", False):
        return False
    return idea.author_id == person.pk or idea.co_authors.filter(pk=person.pk).exists()


@transaction.atomic
def idea_submit(
    *,
    actor: Actor,
    challenge: Challenge,
    title: str,
    description: str = "",
    tags: Iterable[str] = (),
    co_authors: Iterable[Any] = (),
    builds_on: Iterable[Idea] = (),
) -> Idea:
    """Add an idea while the challenge collects them; its authors follow it."""
    require_participant(actor, challenge)
    require_phase(challenge, Phase.COLLECT)
    title = clean_text(title, field="title", label=_("title"), required=True,
                       max_length=TITLE_MAX)
    description = clean_text(description, field="description", label=_("description"),
                             required=False, max_length=DESCRIPTION_MAX)
    tags = clean_tags(tags)
    co_authors = _clean_co_authors(challenge, actor.person, co_authors)
    Challenge.objects.select_for_update().filter(pk=challenge.pk).first()
    position = (challenge.ideas.aggregate(top=Max("position"))["top"] or 0) + 1
    idea = Idea.objects.create(
        challenge=challenge, title=title, description=description, author=actor.person,
        organisation=actor.organisation, tags=tags, position=position,
    )
    idea.co_authors.set(co_authors)
    Follow.objects.bulk_create(
        [Follow(idea=idea, person=p) for p in [actor.person, *co_authors]],
        ignore_conflicts=True,
    )
    record(verb="ideation.idea.submitted", actor=actor, subject=idea,
           ecosystem=challenge.ecosystem,
           payload={"challenge": str(challenge.uuid), "tags": tags,
                    "co_authors": [str(p.uuid) for p in co_authors]})
    for target in builds_on:
        idea_link(actor=actor, idea=idea, target=target)
    return idea


@transaction.atomic
def idea_update(
    *,
    actor: Actor,
    idea: Idea,
    title: str | None = None,
    description: str | None = None,
    tags: Iterable[str] | None = None,
    co_authors: Iterable[Any] | None = None,
) -> Idea:
    challenge = idea.challenge
    require_person(actor)
    require_view(actor, challenge)
    if not can_edit(actor.person, idea):
        raise NotAllowed(_("Only the authors of this idea and the facilitators may edit it."))
    require_phase(challenge, *EDITABLE_PHASES)
    if idea.is_merged:
        raise Conflict(_("This idea was merged into another; edit that one instead."))
    fields = []
    if title is not None:
        idea.title = clean_text(title, field="title", label=_("title"), required=True,
                                max_length=TITLE_MAX)
        fields.append("title")
    if description is not None:
        idea.description = clean_text(description, field="description",
                                      label=_("description"), required=False,
                                      max_length=DESCRIPTION_MAX)
        fields.append("description")
    if tags is not None:
        idea.tags = clean_tags(tags)
        fields.append("tags")
    if fields:
        idea.save(update_fields=[*fields, "updated_at"])
    if co_authors is not None:
        idea.co_authors.set(_clean_co_authors(challenge, idea.author or actor.person, co_authors))
        fields.append("co_authors")
    if fields:
        record(verb="ideation.idea.updated", actor=actor, subject=idea,
               ecosystem=challenge.ecosystem, payload={"fields": fields})
    return idea


@transaction.atomic
def idea_link(*, actor: Actor, idea: Idea, target: Idea) -> IdeaLink:
    """Say that ``idea`` builds on ``target`` (both in the same challenge)."""
    challenge = idea.challenge
    require_participant(actor, challenge)
    require_phase(challenge, *EDITABLE_PHASES)
    if target.challenge_id != idea.challenge_id or target.pk == idea.pk:
        raise ValidationFailed(
            _("An idea builds on another idea of the same challenge."), field="target"
        )
    if target.is_merged:
        target = target.merged_into
    link, created = IdeaLink.objects.get_or_create(
        idea=idea, target=target, defaults={"created_by": actor.person}
    )
    if created:
        record(verb="ideation.idea.linked", actor=actor, subject=idea,
               ecosystem=challenge.ecosystem, payload={"builds_on": str(target.uuid)})
    return link


@transaction.atomic
def idea_follow(*, actor: Actor, idea: Idea, follow: bool = True) -> bool:
    """Follow (or stop following) an idea's comments; shown only to the person who did it."""
    require_person(actor)
    require_view(actor, idea.challenge)
    if follow:
        changed = Follow.objects.get_or_create(idea=idea, person=actor.person)[1]
    else:
        changed = bool(Follow.objects.filter(idea=idea, person=actor.person).delete()[0])
    if changed:
        record(verb="ideation.idea.followed" if follow else "ideation.idea.unfollowed",
               actor=actor, subject=idea, ecosystem=idea.challenge.ecosystem)
    return changed


@transaction.atomic
def reaction_set(*, actor: Actor, idea: Idea, kind: str, on: bool = True) -> bool:
    """Add or withdraw one reaction; each person reacts once per kind."""
    require_participant(actor, idea.challenge)
    require_open(idea.challenge)
    if kind not in Reaction.Kind.values:
        raise ValidationFailed(_("Choose one of the offered reactions."), field="kind")
    if on:
        _reaction, changed = Reaction.objects.get_or_create(
            idea=idea, person=actor.person, kind=kind
        )
    else:
        changed = bool(Reaction.objects.filter(idea=idea, person=actor.person, kind=kind)
                       .delete()[0])
    if changed:
        record(verb="ideation.reaction.added" if on else "ideation.reaction.removed",
               actor=actor, subject=idea, ecosystem=idea.challenge.ecosystem,
               payload={"kind": kind})
    return changed


@transaction.atomic
def idea_merge(*, actor: Actor, source: Idea, target: Idea) -> IdeaMerge:
    """Merge a duplicate into ``target``: comments, reactions, followers, authors, links,
    initiatives and votes follow; the source stays, marked as merged, so history is kept."""
    challenge = target.challenge
    require_manager(actor, challenge)
    require_open(challenge)
    source, target = (Idea.objects.select_for_update().get(pk=i.pk) for i in (source, target))
    if source.challenge_id != target.challenge_id or source.pk == target.pk:
        raise ValidationFailed(_("Merge two different ideas of the same challenge."),
                               field="target")
    if source.is_merged or target.is_merged:
        raise Conflict(_("One of these ideas was already merged."))
    comments = source.comments.update(idea=target)
    for reaction in source.reactions.all():
        if not target.reactions.filter(person=reaction.person, kind=reaction.kind).exists():
            Reaction.objects.create(idea=target, person=reaction.person, kind=reaction.kind)
    source.reactions.all().delete()
    followers = set(source.follows.values_list("person_id", flat=True))
    Follow.objects.bulk_create([Follow(idea=target, person_id=p) for p in followers],
                               ignore_conflicts=True)
    authors = {p.pk: p for p in source.co_authors.all()}
    if source.author_id:
        authors[source.author_id] = source.author
    authors.pop(target.author_id, None)
    target.co_authors.add(*authors.values())
    for link in IdeaLink.objects.filter(idea=source).exclude(target=target):
        IdeaLink.objects.get_or_create(idea=target, target=link.target,
                                       defaults={"created_by": link.created_by})
    for link in IdeaLink.objects.filter(target=source).exclude(idea=target):
        IdeaLink.objects.get_or_create(idea=link.idea, target=target,
                                       defaults={"created_by": link.created_by})
    IdeaLink.objects.filter(idea=source).delete()
    IdeaLink.objects.filter(target=source).delete()
    if target.cluster_id is None and source.cluster_id is not None:
        target.cluster_id = source.cluster_id
        target.save(update_fields=["cluster", "updated_at"])
    Initiative.objects.filter(idea=source).update(idea=target)
    moved = 0
    for ballot in Ballot.objects.select_for_update().filter(challenge=challenge):
        choices = merge_choices(challenge.method, ballot.choices, str(source.uuid),
                                str(target.uuid))
        if choices != ballot.choices:
            ballot.choices = choices
            ballot.save(update_fields=["choices", "updated_at"])
            moved += 1
    source.merged_into = target
    source.save(update_fields=["merged_into", "updated_at"])
    merge = IdeaMerge.objects.create(source=source, target=target, merged_by=actor.person,
                                     comments_moved=comments, ballots_moved=moved)
    record(verb="ideation.idea.merged", actor=actor, subject=target,
           ecosystem=challenge.ecosystem,
           payload={"source": str(source.uuid), "comments": comments, "ballots": moved})
    return merge
