"""Activity verbs of ideation and how they read in a feed.

Verbs starting with ``ideation.result.`` and ``ideation.ballot.`` go into the transparency
log; a secret ballot's activity holds only a salted digest, never its content.
"""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

register("ideation.challenge.created", _("%(actor)s started the challenge %(subject)s"))
register("ideation.challenge.updated", _("%(actor)s updated the challenge %(subject)s"))
register(
    "ideation.challenge.phase_changed",
    _("The challenge %(subject)s moved to a new phase"),
    notification_kind="ideation.phases",
)
register(
    "ideation.challenge.facilitator_added",
    _("%(actor)s added a facilitator to the challenge %(subject)s"),
)
register("ideation.idea.submitted", _("%(actor)s submitted the idea %(subject)s"))
register("ideation.idea.updated", _("%(actor)s updated the idea %(subject)s"))
register("ideation.idea.merged", _("%(actor)s merged a duplicate into the idea %(subject)s"))
register("ideation.idea.linked", _("%(actor)s linked the idea %(subject)s to an idea it builds on"))
register("ideation.idea.followed", _("%(actor)s followed the idea %(subject)s"), personal=True)
register(
    "ideation.idea.unfollowed", _("%(actor)s stopped following the idea %(subject)s"),
    personal=True,
)
register("ideation.idea.clustered", _("%(actor)s moved the idea %(subject)s to a cluster"))
register(
    "ideation.comment.posted",
    _("%(actor)s commented on the idea %(subject)s"),
    notification_kind="ideation.comments",
)
register("ideation.reaction.added", _("%(actor)s reacted to the idea %(subject)s"))
register("ideation.reaction.removed", _("%(actor)s withdrew a reaction to the idea %(subject)s"))
register("ideation.cluster.created", _("%(actor)s made the cluster %(subject)s"))
register("ideation.cluster.proposed", _("%(actor)s asked the assistant to propose clusters"))
register("ideation.cluster.accepted", _("%(actor)s accepted the proposed cluster %(subject)s"))
register("ideation.cluster.rejected", _("%(actor)s rejected the proposed cluster %(subject)s"))
register("ideation.cluster.renamed", _("%(actor)s renamed the cluster %(subject)s"))
register("ideation.ballot.cast", _("A ballot was cast in the challenge %(subject)s"))
register("ideation.ballot.changed", _("A ballot was changed in the challenge %(subject)s"))
register(
    "ideation.result.published", _("The result of the vote in %(subject)s was published")
)
register(
    "ideation.initiative.selected",
    _("%(actor)s selected %(subject)s to become an initiative"),
)
register(
    "ideation.initiative.committed",
    _("%(actor)s committed %(organisation)s to the initiative %(subject)s"),
)
register(
    "ideation.initiative.withdrawn",
    _("%(actor)s withdrew the commitment of %(organisation)s to %(subject)s"),
)
register(
    "ideation.initiative.started",
    _("The initiative %(subject)s started: enough organisations committed"),
    notification_kind="ideation.phases",
)
