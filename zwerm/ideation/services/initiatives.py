"""Writes about initiatives: selecting ideas or clusters, and organisations committing."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.notifications import notify
from zwerm.ideation import permissions
from zwerm.ideation.models import Cluster, Commitment, Idea, Initiative, Phase
from zwerm.ideation.services._common import (
    challenge_url,
    clean_text,
    require_manager,
    require_participant,
    require_phase,
)

TEXT_MAX = 2000


@transaction.atomic
def initiative_select(
    *, actor: Actor, challenge: Any, idea: Idea | None = None, cluster: Cluster | None = None,
    title: str = "", description: str = "",
) -> Initiative:
    """A facilitator selects an idea or a cluster to become an initiative."""
    require_manager(actor, challenge)
    require_phase(challenge, Phase.SELECT)
    if (idea is None) == (cluster is None):
        raise ValidationFailed(_("Select either an idea or a cluster."), field="idea")
    source = idea or cluster
    if source.challenge_id != challenge.pk:
        raise ValidationFailed(_("Select an idea or cluster of this challenge."), field="idea")
    if idea is not None and idea.is_merged:
        raise ValidationFailed(_("This idea was merged; select the idea it was merged into."),
                               field="idea")
    if cluster is not None and cluster.state != Cluster.State.ACCEPTED:
        raise ValidationFailed(_("Only an accepted cluster can be selected."), field="cluster")
    taken = challenge.initiatives.filter(idea=idea) if idea else challenge.initiatives.filter(
        cluster=cluster)
    if taken.exists():
        raise Conflict(_("This was already selected as an initiative."))
    title = clean_text(title or (idea.title if idea else cluster.name), field="title",
                       label=_("title"), required=True, max_length=200)
    description = clean_text(description or (idea.description if idea else ""),
                             field="description", label=_("description"), required=False,
                             max_length=20000)
    initiative = Initiative.objects.create(
        challenge=challenge, idea=idea, cluster=cluster, title=title, description=description,
        threshold=challenge.commitment_threshold, selected_by=actor.person,
    )
    record(verb="ideation.initiative.selected", actor=actor, subject=initiative,
           ecosystem=challenge.ecosystem,
           payload={"challenge": str(challenge.uuid), "source": str(source.uuid),
                    "kind": "idea" if idea else "cluster", "threshold": initiative.threshold})
    return initiative


@transaction.atomic
def commitment_make(*, actor: Actor, initiative: Initiative, text: str) -> Commitment:
    """An organisation's admin commits it, saying what it brings; at the threshold the
    initiative starts."""
    initiative = Initiative.objects.select_for_update().select_related("challenge").get(
        pk=initiative.pk)
    challenge = initiative.challenge
    require_participant(actor, challenge)
    require_phase(challenge, Phase.SELECT)
    organisation = actor.organisation
    if organisation is None or not permissions.can_commit_for(actor.person, organisation):
        raise NotAllowed(_("Only an admin of an organisation commits it to an initiative."),
                         code="not_admin")
    text = clean_text(text, field="text", label=_("what you commit"), required=True,
                      max_length=TEXT_MAX)
    if initiative.commitments.filter(organisation=organisation).exists():
        raise Conflict(_("Your organisation has already committed to this initiative."),
                       field="text")
    commitment = Commitment.objects.create(initiative=initiative, organisation=organisation,
                                           person=actor.person, text=text)
    count = initiative.commitments.count()
    record(verb="ideation.initiative.committed", actor=actor, subject=initiative,
           ecosystem=challenge.ecosystem,
           payload={"commitment": str(commitment.uuid), "count": count,
                    "threshold": initiative.threshold})
    if initiative.started_at is None and count >= initiative.threshold:
        initiative.started_at = timezone.now()
        initiative.save(update_fields=["started_at", "updated_at"])
        activity = record(verb="ideation.initiative.started", actor=Actor.system(),
                          subject=initiative, ecosystem=challenge.ecosystem,
                          payload={"count": count, "threshold": initiative.threshold})
        people = {c.person for c in initiative.commitments.select_related("person")
                  if c.person is not None}
        people |= set(challenge.facilitators.all())
        notify(recipients=people, kind="ideation.phases", activity=activity,
               url=challenge_url(challenge))
    return commitment


@transaction.atomic
def commitment_withdraw(*, actor: Actor, initiative: Initiative) -> None:
    """Withdraw one's organisation's commitment while the initiative has not started."""
    initiative = Initiative.objects.select_for_update().select_related("challenge").get(
        pk=initiative.pk)
    challenge = initiative.challenge
    require_participant(actor, challenge)
    require_phase(challenge, Phase.SELECT)
    organisation = actor.organisation
    if organisation is None or not permissions.can_commit_for(actor.person, organisation):
        raise NotAllowed(_("Only an admin of an organisation withdraws its commitment."),
                         code="not_admin")
    if initiative.is_started:
        raise Conflict(_("The initiative has started; talk to the others before leaving it."))
    deleted, _rows = initiative.commitments.filter(organisation=organisation).delete()
    if not deleted:
        raise Conflict(_("Your organisation has not committed to this initiative."))
    record(verb="ideation.initiative.withdrawn", actor=actor, subject=initiative,
           ecosystem=challenge.ecosystem, payload={"count": initiative.commitments.count()})
