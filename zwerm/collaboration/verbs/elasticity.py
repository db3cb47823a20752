"""Activity verbs of elasticity: hand-overs and releases when an organisation pauses or leaves.

``collaboration.commitment.handed_over`` goes into the transparency log (a promise changing
hands is part of the reciprocity record); releasing a commitment is the ledger's
``collaboration.commitment.released``. Hand-over requests and answers are ordinary activities.
"""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

register(
    "collaboration.commitment.handed_over",
    _("%(actor)s took over the commitment %(subject)s for %(organisation)s"),
)
register(
    "collaboration.hand_over.requested",
    _("%(actor)s asked another organisation to take over %(subject)s"),
    notification_kind="collaboration.handovers",
)
register(
    "collaboration.hand_over.accepted",
    _("%(actor)s accepted to take over %(subject)s for %(organisation)s"),
    notification_kind="collaboration.handovers",
)
register(
    "collaboration.hand_over.declined",
    _("%(actor)s declined to take over %(subject)s for %(organisation)s"),
    notification_kind="collaboration.handovers",
)
register(
    "collaboration.hand_over.withdrawn",
    _("%(actor)s withdrew the request to take over %(subject)s"),
    notification_kind="collaboration.handovers",
)
register(
    "collaboration.working_group_role.released",
    _("%(organisation)s released a role in the working group %(subject)s"),
)
register(
    "collaboration.working_group_member.departed",
    _("The people of %(organisation)s left the working group %(subject)s when it left "
      "%(ecosystem)s"),
)
