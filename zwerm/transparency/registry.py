"""Which activity verbs the log records: one registry, keyed by verb prefix.

Feature apps that land later add their prefixes here (or call ``register_prefix`` in their
``AppConfig.ready``); the sequencer and ``verify_log`` read only this.
"""

from __future__ import annotations

LOGGED_PREFIXES: list[str] = [
    "ecosystems.membership.",
    "ecosystems.charter.",
    "ecosystems.role.",
    "collaboration.decision.",
    "collaboration.proposal.",
    "collaboration.position.",
    "collaboration.commitment.",
    "collaboration.contribution.",
    "ideation.result.",
    "ideation.ballot.",
]


def register_prefix(prefix: str) -> None:
    if not prefix.endswith("."):
        raise ValueError("A logged verb prefix ends with a dot.")
    if prefix not in LOGGED_PREFIXES:
        LOGGED_PREFIXES.append(prefix)


def is_logged(verb: str) -> bool:
    return verb.startswith(tuple(LOGGED_PREFIXES))


def verb_regex() -> str:
    """A regular expression for the ORM (``verb__regex``) matching every logged verb."""
    return "^(" + "|".join(prefix.replace(".", r"\.") for prefix in LOGGED_PREFIXES) + ")"
