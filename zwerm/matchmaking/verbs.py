"""Activity verbs of matchmaking and how they read in a feed."""

from django.utils.translation import gettext_lazy as _

from zwerm.core.verbs import register

INTRODUCTIONS = "matchmaking.introductions"

# A request and a refusal concern two organisations only: shown in feeds to the person who
# acted, and told to the other side through its notification. An accepted introduction is a
# public connection.
register(
    "matchmaking.introduction.requested",
    _("%(actor)s asked for an introduction: %(subject)s"),
    notification_kind=INTRODUCTIONS, personal=True,
)
register(
    "matchmaking.introduction.accepted",
    _("%(actor)s accepted the introduction %(subject)s"),
    notification_kind=INTRODUCTIONS,
)
register(
    "matchmaking.introduction.declined",
    _("%(actor)s declined the introduction %(subject)s"),
    notification_kind=INTRODUCTIONS, personal=True,
)
# Who dismissed whom is nobody else's business.
register(
    "matchmaking.suggestion.dismissed",
    _("%(actor)s hid %(subject)s from the suggestions of %(organisation)s"),
    personal=True,
)
register(
    "matchmaking.suggestion.restored",
    _("%(actor)s showed %(subject)s again among the suggestions of %(organisation)s"),
    personal=True,
)
register(
    "matchmaking.organisation.merged",
    _("%(actor)s moved the connections and introductions of a merged organisation to %(subject)s"),
)
