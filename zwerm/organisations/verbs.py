"""Activity verbs of organisations and how they read in a feed.

Subjects never carry a person's name or email address in their label: activities about
people reference them by UUID in the payload, so an erased account leaves no trace.
"""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

INVITATION_ACCEPTED = "organisations.invitation_accepted"
ROLE_CHANGED = "organisations.role_changed"

register("organisations.organisation.created", _("%(actor)s created the organisation %(subject)s"))
register("organisations.organisation.updated", _("%(actor)s updated the profile of %(subject)s"))
register("organisations.organisation.verified", _("%(actor)s marked %(subject)s as verified"))
register(
    "organisations.organisation.unverified",
    _("%(actor)s removed the verified mark of %(subject)s"),
)
register(
    "organisations.organisation.merged",
    _("%(actor)s merged the duplicate %(subject)s into %(organisation)s"),
)
register("organisations.offer.created", _("%(actor)s added the offer %(subject)s"))
register("organisations.offer.updated", _("%(actor)s updated the offer %(subject)s"))
register("organisations.offer.deleted", _("%(actor)s removed the offer %(subject)s"))
register("organisations.seek.created", _("%(actor)s added the request %(subject)s"))
register("organisations.seek.updated", _("%(actor)s updated the request %(subject)s"))
register("organisations.seek.deleted", _("%(actor)s removed the request %(subject)s"))
register("organisations.entries.reordered", _("%(actor)s reordered the offers and requests"))
register("organisations.invitation.created", _("%(actor)s invited a colleague to %(subject)s"))
register("organisations.invitation.revoked", _("%(actor)s withdrew an invitation to %(subject)s"))
register(
    "organisations.invitation.accepted",
    _("%(actor)s accepted an invitation and joined %(subject)s"),
    notification_kind=INVITATION_ACCEPTED,
)
register(
    "organisations.member.role_changed",
    _("%(actor)s changed a person's role in %(subject)s"),
    notification_kind=ROLE_CHANGED,
)
register("organisations.member.left", _("%(actor)s left %(subject)s"))
register("organisations.member.removed", _("%(actor)s removed a person from %(subject)s"))
