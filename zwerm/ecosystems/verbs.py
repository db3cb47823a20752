"""Activity verbs of ecosystems and how they read in a feed."""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

register("ecosystems.ecosystem.created", _("%(actor)s started the ecosystem %(subject)s"))
