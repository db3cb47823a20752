"""Writes of an ecosystem's collaboration agreements: unit of account, decision mode, quorum."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from zwerm.collaboration.models import CollaborationSettings
from zwerm.collaboration.permissions.decisions import can_edit_settings
from zwerm.collaboration.services.common import require_view
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.errors import NotAllowed, ValidationFailed
from zwerm.ecosystems.models import Ecosystem

UNIT_MAX = 40


def _clean_quorum(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number is None or isinstance(value, bool) or str(number) != str(value).strip() or not (
            1 <= number <= 100):
        raise ValidationFailed(
            _("The quorum is a whole percentage from 1 to 100, or empty for no quorum."),
            field="quorum_percent")
    return number


@transaction.atomic
def collaboration_settings_update(
    *, actor: Actor, ecosystem: Ecosystem, unit_of_account: str, decision_mode: str,
    quorum_percent: int | str | None,
) -> CollaborationSettings:
    """Facilitators set how the ecosystem values contributions and takes decisions.

    Open proposals keep the mode and quorum they opened with; the change applies to
    proposals tabled afterwards.
    """
    require_view(actor, ecosystem)
    if not actor.is_system and not can_edit_settings(actor, ecosystem):
        raise NotAllowed(_("Only the facilitators of this ecosystem change its settings."))
    unit = (unit_of_account or "").strip()
    if len(unit) > UNIT_MAX:
        raise ValidationFailed(
            _("The unit of account may be at most %(max)d characters long.") % {"max": UNIT_MAX},
            field="unit_of_account")
    if decision_mode not in CollaborationSettings.DecisionMode.values:
        raise ValidationFailed(_("Choose who gives positions: per organisation or every person."),
                               field="decision_mode")
    quorum = _clean_quorum(quorum_percent)
    found, _created = CollaborationSettings.objects.select_for_update(of=("self",)).get_or_create(
        ecosystem=ecosystem)
    before = {"unit_of_account": found.unit_of_account, "decision_mode": found.decision_mode,
              "quorum_percent": found.quorum_percent}
    after = {"unit_of_account": unit, "decision_mode": decision_mode, "quorum_percent": quorum}
    changed = sorted(name for name in after if before[name] != after[name])
    if changed:
        for name in changed:
            setattr(found, name, after[name])
        found.save(update_fields=[*changed, "updated_at"])
        record(verb="collaboration.settings.updated", actor=actor, subject=found,
               subject_type="collaboration.collaborationsettings", ecosystem=ecosystem,
               payload={"changed": changed, **{name: after[name] for name in changed}})
    return found
