"""Activity verbs of proposals, positions, decisions and the collaboration settings.

Verbs starting with ``collaboration.proposal.``, ``collaboration.position.`` and
``collaboration.decision.`` go into the transparency log.
"""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

register(
    "collaboration.proposal.opened", _("%(actor)s tabled the proposal %(subject)s"),
    notification_kind="collaboration.proposals",
)
register(
    "collaboration.proposal.amended",
    _("%(actor)s amended the proposal %(subject)s; positions are asked again"),
    notification_kind="collaboration.proposals",
)
register("collaboration.proposal.withdrawn", _("%(actor)s withdrew the proposal %(subject)s"))
register(
    "collaboration.proposal.reminded",
    _("The deadline of the proposal %(subject)s is approaching"),
    notification_kind="collaboration.proposals",
)
register(
    "collaboration.position.given",
    _("%(organisation)s gave a position on the proposal %(subject)s"),
)
register(
    "collaboration.position.changed",
    _("%(organisation)s changed its position on the proposal %(subject)s"),
)
register(
    "collaboration.decision.recorded", _("The decision %(subject)s was recorded"),
    notification_kind="collaboration.proposals",
)
register(
    "collaboration.decision.statement_updated",
    _("%(actor)s updated the outcome statement of the decision %(subject)s"),
)
register(
    "collaboration.settings.updated",
    _("%(actor)s changed how %(ecosystem)s keeps together (unit of account, decisions)"),
)
