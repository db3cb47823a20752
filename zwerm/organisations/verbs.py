"""Activity verbs of organisations and how they read in a feed."""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

register("organisations.organisation.created", _("%(actor)s created the organisation %(subject)s"))
register("organisations.organisation.updated", _("%(actor)s updated the profile of %(subject)s"))
