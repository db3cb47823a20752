"""The registry of activity verbs and how each reads in a feed, in both languages.

Apps register their verbs in ``AppConfig.ready``; the feed, notifications and (later) the
transparency log read this one registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Verb:
    name: str
    sentence: Promise  # uses %(actor)s, %(organisation)s, %(subject)s, %(ecosystem)s
    notification_kind: str | None = None
    personal: bool = False  # shown only to the person who acted


_VERBS: dict[str, Verb] = {}


def register(
    name: str, sentence: Promise, *, notification_kind: str | None = None, personal: bool = False
) -> Verb:
    verb = Verb(
        name=name, sentence=sentence, notification_kind=notification_kind, personal=personal
    )
    _VERBS[name] = verb
    return verb


def get(name: str) -> Verb | None:
    return _VERBS.get(name)


def personal_verbs() -> list[str]:
    return sorted(name for name, verb in _VERBS.items() if verb.personal)


register("accounts.person.erased", _("A participant erased their account"))
