"""Activity verbs of commitments and the contributions ledger.

The transparency log records every verb starting with ``collaboration.commitment.`` and
``collaboration.contribution.``; payloads hold the type, quantity, unit and value as strings.
"""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

register("collaboration.commitment.made",
         _("%(actor)s committed %(organisation)s: %(subject)s"))
register("collaboration.commitment.updated",
         _("%(actor)s changed the commitment %(subject)s"))
register("collaboration.commitment.released",
         _("%(actor)s released the commitment %(subject)s"))
register("collaboration.commitment.fulfilled",
         _("The commitment %(subject)s was fulfilled"))
register("collaboration.commitment.reopened",
         _("The commitment %(subject)s is open again: a correction took it below the promise"))
register("collaboration.commitment.reminded",
         _("The commitment %(subject)s is due within a week"),
         notification_kind="collaboration.commitments")
register("collaboration.contribution.recorded",
         _("%(actor)s recorded a contribution of %(organisation)s: %(subject)s"),
         notification_kind="collaboration.acknowledgements")
register("collaboration.contribution.corrected",
         _("%(actor)s corrected the contribution %(subject)s"))
register("collaboration.contribution.acknowledged",
         _("%(actor)s acknowledged for %(organisation)s the contribution %(subject)s"))
