"""The charter's five principles: their names, and the texts a new ecosystem starts with.

The default texts are translatable strings; a new ecosystem takes them in its creator's
language, after which they are the ecosystem's own text to edit.
"""

from __future__ import annotations

import hashlib

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from zwerm.ecosystems.models import PRINCIPLES

LABELS = {
    "reciprocity": _("Reciprocity"),
    "transparency": _("Transparency"),
    "self_organisation": _("Self-organisation"),
    "interoperability": _("Interoperability"),
    "elasticity": _("Elasticity"),
}

QUESTIONS = {
    "reciprocity": _("How do we make sure that giving and taking stay in balance?"),
    "transparency": _("What do we share with each other, and with the outside world?"),
    "self_organisation": _("How do we organise ourselves and take decisions?"),
    "interoperability": _("How do our data, systems and ways of working connect?"),
    "elasticity": _("How do organisations join, take a break and leave?"),
}

DEFAULTS = {
    "reciprocity": _(
        "Every member organisation both gives and takes. We contribute what we can — time, "
        "knowledge, data, money or facilities — and we record our contributions openly, so "
        "that everyone can see that the balance is fair. Whoever makes a commitment keeps it, "
        "or says in time that they cannot."
    ),
    "transparency": _(
        "We work in the open. Our goal, our members, our decisions and the reasons behind "
        "them are visible to every member, and what can be public is public. We share "
        "results, including what did not work, so that others can learn from them. "
        "Confidential information stays confidential, and we say so when it is."
    ),
    "self_organisation": _(
        "There is no boss. Anyone may start a working group or make a proposal. We decide by "
        "consent: a proposal goes ahead unless someone has a reasoned objection. Roles rotate, "
        "facilitators serve the group rather than lead it, and every member organisation "
        "names a delegate who speaks for it."
    ),
    "interoperability": _(
        "We use open standards and open formats, so that data, tools and results can be "
        "reused by every member and beyond. What we build together fits the systems of "
        "others, and nobody becomes dependent on a single supplier."
    ),
    "elasticity": _(
        "Organisations can join easily, take a break and leave at any time, with a reason "
        "and a proper hand-over of their roles and data. The ecosystem keeps working whether "
        "it has five members or five thousand, and it welcomes newcomers."
    ),
}


def default_charter(language: str | None) -> dict[str, str]:
    """The five default texts in ``language`` (the creator's), as plain strings."""
    with translation.override(language or "nl"):
        return {principle: str(DEFAULTS[principle]) for principle in PRINCIPLES}


def text_digest(text: str) -> str:
    """The sha256 of a charter text, recorded in the activity instead of the text itself."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
