"""Activity verbs of ecosystems and how they read in a feed."""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

register("ecosystems.ecosystem.created", _("%(actor)s started the ecosystem %(subject)s"))
register("ecosystems.ecosystem.updated", _("%(actor)s updated the details of %(subject)s"))
register("ecosystems.charter.updated", _("%(actor)s changed the charter of %(subject)s"))

register(
    "ecosystems.membership.joined",
    _("%(actor)s joined %(ecosystem)s on behalf of %(subject)s"),
)
register(
    "ecosystems.membership.requested",
    _("%(actor)s asked for %(subject)s to join %(ecosystem)s"),
    notification_kind="ecosystems.requests",
)
register(
    "ecosystems.membership.invited",
    _("%(actor)s invited %(subject)s to join %(ecosystem)s"),
    notification_kind="ecosystems.membership",
)
register(
    "ecosystems.membership.accepted",
    _("%(actor)s accepted %(subject)s as a member of %(ecosystem)s"),
    notification_kind="ecosystems.membership",
)
register(
    "ecosystems.membership.declined",
    _("%(actor)s declined the request of %(subject)s to join %(ecosystem)s"),
    notification_kind="ecosystems.membership",
)
register(
    "ecosystems.membership.paused",
    _("%(actor)s paused the membership of %(subject)s in %(ecosystem)s"),
)
register(
    "ecosystems.membership.resumed",
    _("%(actor)s resumed the membership of %(subject)s in %(ecosystem)s"),
)
register(
    "ecosystems.membership.left",
    _("%(actor)s ended the membership of %(subject)s in %(ecosystem)s"),
)
register(
    "ecosystems.membership.withdrawn",
    _("%(actor)s withdrew the request of %(subject)s to join %(ecosystem)s"),
)
register(
    "ecosystems.membership.moved",
    _("%(actor)s moved a membership of %(ecosystem)s to %(subject)s after a merger"),
)

register(
    "ecosystems.invitation.sent",
    _("%(actor)s invited %(subject)s to join %(ecosystem)s"),
)
register(
    "ecosystems.invitation.accepted",
    _("%(actor)s accepted the invitation for %(subject)s to join %(ecosystem)s"),
    notification_kind="ecosystems.requests",
)
register(
    "ecosystems.invitation.declined",
    _("%(actor)s declined the invitation for %(subject)s to join %(ecosystem)s"),
    notification_kind="ecosystems.requests",
)
register(
    "ecosystems.invitation.declined_by_email",
    _("%(actor)s declined an invitation to join %(ecosystem)s"),
    notification_kind="ecosystems.requests",
)
register(
    "ecosystems.invitation.revoked",
    _("%(actor)s withdrew the invitation of %(subject)s to join %(ecosystem)s"),
)
register(
    "ecosystems.invitation.withdrawn",
    _("%(actor)s withdrew an invitation to join %(ecosystem)s"),
)

register(
    "ecosystems.role.facilitator_appointed",
    _("%(actor)s appointed a facilitator from %(subject)s in %(ecosystem)s"),
    notification_kind="ecosystems.roles",
)
register(
    "ecosystems.role.facilitator_ended",
    _("%(actor)s ended a facilitator role of %(subject)s in %(ecosystem)s"),
)
register(
    "ecosystems.role.delegate_appointed",
    _("%(actor)s appointed the delegate of %(subject)s in %(ecosystem)s"),
    notification_kind="ecosystems.roles",
)
register(
    "ecosystems.role.delegate_ended",
    _("%(actor)s ended the delegate role of %(subject)s in %(ecosystem)s"),
)
