"""Activity verbs of accounts: what a person changed about themselves.

Personal activities carry no organisation and no personal data: the sentence names the
actor (as far as the reader may see the name) and nothing else.
"""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

register("accounts.profile.updated", _("%(actor)s updated their profile"), personal=True)
register("accounts.language.changed", _("%(actor)s changed their language"), personal=True)
register("accounts.token.created", _("%(actor)s created a personal access token"), personal=True)
register("accounts.token.revoked", _("%(actor)s revoked a personal access token"), personal=True)
