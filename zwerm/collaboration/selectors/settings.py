"""An ecosystem's collaboration agreements, with defaults when none were set."""

from __future__ import annotations

from zwerm.collaboration.models import CollaborationSettings
from zwerm.ecosystems.models import Ecosystem


def settings_for(ecosystem: Ecosystem) -> CollaborationSettings:
    """The saved settings, or an unsaved row holding the defaults (no unit, per organisation,
    no quorum)."""
    found = CollaborationSettings.objects.filter(ecosystem=ecosystem).first()
    return found or CollaborationSettings(ecosystem=ecosystem)
