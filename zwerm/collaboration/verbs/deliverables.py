"""Verbs of deliverables, milestones, links and attachments, and how they read in a feed.

Payloads hold references and states only: never file contents or storage paths.
"""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

register("collaboration.deliverable.created", _("%(actor)s added the deliverable %(subject)s"))
register("collaboration.deliverable.updated", _("%(actor)s updated the deliverable %(subject)s"))
register(
    "collaboration.deliverable.state_changed",
    _("%(actor)s changed the state of the deliverable %(subject)s"),
)
register(
    "collaboration.milestone.added", _("%(actor)s added the milestone %(subject)s"),
)
register("collaboration.milestone.updated", _("%(actor)s updated the milestone %(subject)s"))
register(
    "collaboration.milestone.state_changed",
    _("%(actor)s changed the state of the milestone %(subject)s"),
)
register("collaboration.milestone.removed", _("%(actor)s removed the milestone %(subject)s"))
register(
    "collaboration.milestone.reordered",
    _("%(actor)s reordered the milestones of %(subject)s"),
)
register(
    "collaboration.deliverable_link.added",
    _("%(actor)s linked an outcome to a deliverable: %(subject)s"),
)
register(
    "collaboration.deliverable_link.removed",
    _("%(actor)s removed the link %(subject)s from a deliverable"),
)
register(
    "collaboration.attachment.added", _("%(actor)s attached %(subject)s to a deliverable"),
)
register(
    "collaboration.attachment.removed",
    _("%(actor)s removed the attachment %(subject)s from a deliverable"),
)
