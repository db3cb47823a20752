"""Activity verbs of the transparency log and how they read in a feed."""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

register(
    "transparency.witness_key.registered",
    _("%(actor)s registered a witness key for %(organisation)s"),
)
register(
    "transparency.witness_key.revoked",
    _("%(actor)s revoked a witness key of %(organisation)s"),
)
